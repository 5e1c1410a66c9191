#!/usr/bin/env bash
# Density: N (default 200) busybox partitions, each serving HTTP with busybox httpd; reports host memory per
# partition and the slowest response of all (the seed's bar: over 100 partitions, each answering within
# 2 s), how long listing them takes (and that one whose init is killed lists as stopped), then destroys
# them all and reports what is left behind (must be nothing). Traffic stays on the node's bridge: a
# namespace made here plays the client.
set -euo pipefail
source "$(dirname "$0")/common.sh"
count="${1:-200}"
outside="$PREFIX-out"
finish() {
  ip netns delete "$outside" 2>/dev/null || true
  ip link delete "${PREFIX}o0" 2>/dev/null || true
  cleanup
}
trap finish EXIT

address() { echo "10.216.$(( $1 / 250 )).$(( $1 % 250 + 1 ))"; }
available_kib() { awk '/^MemAvailable:/ { print $2 }' /proc/meminfo; }

before=$(available_kib)
t0=$(now_ms)
for i in $(seq 1 "$count"); do
  api PUT "/v1/partitions/d$i" "{\"hostname\":\"d$i\",\"template\":\"busybox\",\"ipv4\":\"$(address "$i")/16\",\"gateway\":\"10.216.255.254\",\"resources\":{\"memory\":\"32M\",\"disk\":\"64M\"}}" >/dev/null
  api POST "/v1/partitions/d$i/start" >/dev/null
  api POST "/v1/partitions/d$i/exec" "{\"args\":[\"sh\",\"-c\",\"mkdir -p /www && echo d$i > /www/index.html && httpd -p 80 -h /www\"]}" >/dev/null
done
started_s=$(( ($(now_ms) - t0) / 1000 ))
sleep 2
after=$(available_kib)
charged=0
for i in $(seq 1 "$count"); do
  bytes=$(api GET "/v1/partitions/d$i/usage" | grep -o '"memoryBytes" : [0-9]*' | grep -o '[0-9]*$')
  charged=$((charged + bytes))
done

ip netns add "$outside"
ip link add "${PREFIX}o0" type veth peer name eth0 netns "$outside"
ip link set "${PREFIX}o0" master "${PREFIX}br0" up
ip -n "$outside" addr add 10.216.255.254/16 dev eth0
ip -n "$outside" link set eth0 up
slowest=0
failed=0
for i in $(seq 1 "$count"); do
  took=$(ip netns exec "$outside" curl -s -o "$STATE/body" -w '%{time_total}' --max-time 5 "http://$(address "$i")/" || echo fail)
  if [ "$took" = fail ] || [ "$(cat "$STATE/body")" != "d$i" ]; then
    failed=$((failed + 1))
  else
    slowest=$(awk -v a="$slowest" -v b="$took" 'BEGIN { print (b > a) ? b : a }')
  fi
done

list_ms=()
for _ in $(seq 1 10); do
  t0=$(now_ms)
  api GET /v1/partitions >"$STATE/list"
  list_ms+=($(( $(now_ms) - t0 )))
done
running=$(grep -c '"state" : "running"' "$STATE/list" || true)
# a partition whose init dies behind the agent's back must list as stopped
kill -9 "$(runc --root "$STATE/state/runc" state "$PREFIX-d1" | grep -o '"pid": [0-9]*' | grep -o '[0-9]*$')"
sleep 0.5
stopped=$(api GET /v1/partitions | grep -c '"state" : "stopped"' || true)

echo "$count partitions created, started and serving in ${started_s} s"
echo "listing them: median $(printf '%s\n' "${list_ms[@]}" | median) ms of 10 (${running} running); with one's init killed: ${stopped} stopped"
echo "memory charged to each partition's cgroup: $(( charged / count / 1024 )) KiB on average"
echo "host memory per partition: $(( (before - after) / count )) KiB (MemAvailable fell by $(( (before - after) / 1024 )) MiB; other work on the host moves this)"
echo "slowest HTTP response of all: ${slowest} s; failed: $failed"
t0=$(now_ms)
finish
trap - EXIT
echo "destroyed all in $(( ($(now_ms) - t0) / 1000 )) s; leftovers above, if any (none means none)"
