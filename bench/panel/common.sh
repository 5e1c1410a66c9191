# Shared by the panel benchmarks: a panel of their own on a free port, and its embedded PostgreSQL.
# Sourced after `set -euo pipefail`.

# Prints a free TCP port on the loopback.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# await_ready LOG PID: waits until the panel writing LOG says it is ready; fails if PID ends first or after 5 min.
await_ready() {
  for _ in $(seq 1 600); do
    grep -q "VPS Panel is ready" "$1" && return 0
    kill -0 "$2" 2>/dev/null || { cat "$1" >&2; return 1; }
    sleep 0.5
  done
  echo "the panel did not start; see $1" >&2
  return 1
}

# psql_panel LOG ARGS...: psql as the superuser of the embedded PostgreSQL that the panel writing LOG started.
psql_panel() {
  local log=$1
  shift
  psql -q -v ON_ERROR_STOP=1 -h localhost -U postgres -d postgres \
    -p "$(grep -o "Embedded PostgreSQL running on port [0-9]*" "$log" | grep -o "[0-9]*$")" "$@"
}
