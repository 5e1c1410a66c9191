#!/usr/bin/env bash
# Create+start latency of a busybox partition through the agent's socket (what the panel sees), median of
# N (default 20), beside plain `runc run` of the same bundle: the ratio is the control plane's overhead.
# latency.sh [N] [--network]: with --network each partition has an address on the node's bridge (veth, ifb,
# shaping, anti-spoofing rules), as the panel's partitions do; without, loopback only.
set -euo pipefail
source "$(dirname "$0")/common.sh"
trap cleanup EXIT
runs="${1:-20}"
spec() {
  if [ "${2:-}" = --network ]; then
    echo "{\"hostname\":\"bench\",\"template\":\"busybox\",\"ipv4\":\"10.217.$(( $1 / 250 )).$(( $1 % 250 + 1 ))/16\",\"gateway\":\"10.217.255.254\",\"resources\":{\"disk\":\"64M\",\"memory\":\"64M\"}}"
  else
    echo '{"hostname":"bench","template":"busybox","resources":{"disk":"64M","memory":"64M"}}'
  fi
}

api PUT /v1/partitions/warmup "$(spec 0 "${2:-}")" >/dev/null   # builds the template once
api POST /v1/partitions/warmup/start >/dev/null
agent_ms=()
for i in $(seq 1 "$runs"); do
  t0=$(now_ms)
  api PUT "/v1/partitions/b$i" "$(spec "$i" "${2:-}")" >/dev/null
  api POST "/v1/partitions/b$i/start" >/dev/null
  agent_ms+=($(( $(now_ms) - t0 )))
  api DELETE "/v1/partitions/b$i" >/dev/null
done

# the same bundle (namespaces, user namespace, mounts, seccomp) run by runc alone, in a cgroup of its own
bundle="$STATE/runc-bundle"
mkdir -p "$bundle"
sed -e "s#\"cgroupsPath\" : \"/$PREFIX-warmup\"#\"cgroupsPath\" : \"/$PREFIX-plain\"#" \
  "$STATE/state/partitions/warmup/bundle/config.json" > "$bundle/config.json"
runc_ms=()
for i in $(seq 1 "$runs"); do
  t0=$(now_ms)
  runc --root "$STATE/runc-root" run --detach --bundle "$bundle" "$PREFIX-plain" >/dev/null 2>&1 </dev/null
  runc_ms+=($(( $(now_ms) - t0 )))
  runc --root "$STATE/runc-root" delete --force "$PREFIX-plain"
done
rm -rf /sys/fs/cgroup/*/"$PREFIX"-plain 2>/dev/null || true

agent_median=$(printf '%s\n' "${agent_ms[@]}" | median)
runc_median=$(printf '%s\n' "${runc_ms[@]}" | median)
echo "create+start through the agent: median ${agent_median} ms of $runs (all: ${agent_ms[*]})"
echo "plain runc run of the same bundle: median ${runc_median} ms of $runs"
awk -v a="$agent_median" -v r="$runc_median" 'BEGIN { printf "ratio %.1fx, control-plane overhead %.0f ms (target: under 150 ms end to end)\n", a / r, a - r }'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
# the agent's own timing of each step (median of the runs; a step's figure includes its sub-steps'; commands:
# the external programs it ran, total: their wall time)
for operation in create start; do
  echo "$operation, per step (median ms, commands):"
  step_medians "$operation"
done
