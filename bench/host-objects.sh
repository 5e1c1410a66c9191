# Shared by the benchmarks that make partitions: what of a prefix is left on the host.
# leftovers PREFIX STATE_DIR prints each host object with the prefix (or under the state directory), one a line.
leftovers() {
  local prefix=$1 state=$2
  ip netns list | grep "^$prefix" | sed 's/^/netns /' || true
  ip -o link | grep -o "$prefix[a-z0-9]*" | sort -u | sed 's/^/link /' || true
  nft list tables | grep " $prefix\$" | sed 's/^/nft /' || true
  ls -d /sys/fs/cgroup/*/"$prefix"-* 2>/dev/null | sed 's/^/cgroup /' || true
  losetup --list --noheadings --output BACK-FILE | grep "$state" | sed 's/^/loop /' || true
  grep "$state" /proc/mounts | sed 's/^/mount /' || true
  ls -d "$state"/partitions/* 2>/dev/null | sed 's/^/directory /' || true
}

# remove_unless_left PREFIX STATE_DIR DIR: removes the benchmark's directory DIR if nothing of it is left on
# the host; otherwise keeps DIR and prints what is left.
remove_unless_left() {
  local left
  left="$(leftovers "$1" "$2")"
  if [ -z "$left" ]; then
    rm -rf "$3"
  else
    echo "left behind (state in $3):"; echo "$left"
  fi
}
