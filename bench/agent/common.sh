# Shared by the agent benchmarks: a throwaway agent with a prefix of its own, and its cleanup.
# Sourced after `set -euo pipefail`; defines PREFIX, STATE, SOCK and api().
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$here/bench/host-objects.sh"
[ "$(id -u)" -eq 0 ] || { echo "benchmarks create partitions: run as root" >&2; exit 1; }
PREFIX="vpb$(printf %04x $((RANDOM)))"
STATE="/tmp/$PREFIX"
SOCK="$STATE/agent.sock"
mkdir -p "$STATE"
(cd "$here" && source bin/env.sh && [ -f target/vpspanel-0.1.0-SNAPSHOT.jar ] || mvn -B -q -ntp package -DskipTests) >&2
"$here/bin/vps-agent" --state-dir "$STATE/state" --prefix "$PREFIX" --socket "$SOCK" --uid-base $(( (25000 + RANDOM % 4000) * 65536 )) \
  >"$STATE/agent.log" 2>&1 &
AGENT_PID=$!
for _ in $(seq 1 100); do [ -S "$SOCK" ] && break; sleep 0.1; done
[ -S "$SOCK" ] || { echo "the agent did not start; see $STATE/agent.log" >&2; exit 1; }

# api METHOD PATH [JSON]: prints the body; fails on an HTTP error
api() {
  curl -sS --fail-with-body --unix-socket "$SOCK" -X "$1" -H 'Content-Type: application/json' \
    ${3:+--data "$3"} "http://agent$2"
}

cleanup() {
  for id in $(api GET /v1/partitions 2>/dev/null | grep -o '"id" : "[^"]*"' | cut -d'"' -f4); do
    api DELETE "/v1/partitions/$id" >/dev/null || true
  done
  kill "$AGENT_PID" 2>/dev/null || true
  wait "$AGENT_PID" 2>/dev/null || true
  remove_unless_left "$PREFIX" "$STATE/state" "$STATE"
}

now_ms() { date +%s%3N; }

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# step_medians OPERATION: from the agent's "timing OPERATION ID: total=..ms commands=N/..ms step=..ms/N .." log
# lines of the benchmark's partitions (ids b1, b2, ...), each figure's median, one step a line: time, commands.
step_medians() {
  grep -o "timing $1 b[0-9]*: .*" "$STATE/agent.log" | cut -d: -f2- | tr ' ' '\n' | grep = | awk -F= '
    { split($2, v, "/"); if ($1 == "commands") { x = v[1]; v[1] = v[2]; v[2] = x }
      sub("ms", "", v[1]); n = ++count[$1]; t[$1, n] = v[1]; c[$1, n] = v[2]; if (!($1 in seen)) { seen[$1] = 1; order[++keys] = $1 } }
    function med(arr, key, m,   i, j, x, tmp) {
      for (i = 1; i <= m; i++) tmp[i] = arr[key, i] + 0
      for (i = 2; i <= m; i++) { x = tmp[i]; for (j = i - 1; j > 0 && tmp[j] > x; j--) tmp[j + 1] = tmp[j]; tmp[j + 1] = x }
      return (m % 2) ? tmp[(m + 1) / 2] : (tmp[m / 2] + tmp[m / 2 + 1]) / 2
    }
    END { for (k = 1; k <= keys; k++) { key = order[k]; printf "  %-22s %7.1f ms  %s\n", key, med(t, key, count[key]), (key == "total") ? "" : med(c, key, count[key]) " commands" } }'
}
