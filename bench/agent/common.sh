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
