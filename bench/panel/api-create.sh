#!/usr/bin/env bash
# Benchmark (run by hand, as root): N partitions (default 50) created and started through the REST API on the
# local node of a product of its own (bin/vps-panel on a throwaway data directory, with its own host-object
# prefix, port and IP pool): the time until all run, and the CPU and memory of the panel's and the agent's
# processes meanwhile (read from /proc by the PIDs this script started). Then destroys every partition, stops
# the product and removes the data directory, also when something failed; prints anything left on the host.
#   bench/panel/api-create.sh [N=50]
# Makes the plan "bench" (1 vCPU, 64M, 256M disk) and the customer "bench", and raises the node's CPU
# overcommit so that N vCPUs fit.
set -euo pipefail
count=${1:-50}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$here"
source bench/host-objects.sh
source bench/panel/common.sh
[ "$(id -u)" -eq 0 ] || { echo "the benchmark runs the product with its host agent: run as root" >&2; exit 1; }

data="$(mktemp -d /tmp/vpapi.XXXXXX)"
chmod 0755 "$data" # the panel's user must reach it
prefix="vpa$(printf %04x $((RANDOM)))"
port=$(free_port)
export VPSPANEL_DATA_DIR="$data" VPSPANEL_PORT="$port" VPSPANEL_PREFIX="$prefix"
export VPSPANEL_POOL="10.219.$((RANDOM % 250)).0/24" VPSPANEL_ADMIN_PASSWORD="api bench $RANDOM$RANDOM"
launcher=""
finish() {
  if [ -n "$launcher" ]; then
    kill "$launcher" 2>/dev/null || true # its trap stops the panel and the agent
    wait "$launcher" 2>/dev/null || true
  fi
  remove_unless_left "$prefix" "$data/agent" "$data"
}
trap finish EXIT

: >"$data/product.log"
bin/vps-panel >"$data/product.log" 2>&1 &
launcher=$!
await_ready "$data/product.log" "$launcher"
agent_pid=$(ps --ppid "$launcher" -o pid=,args= | awk '/org.vpspanel.agent.AgentMain/ { print $1 }')
panel_pid=$(ps --ppid "$launcher" -o pid=,args= | awk '/ -jar / { print $1 }')
psql_panel "$data/product.log" -c \
  "UPDATE node SET cpu_overcommit = least(100, greatest(cpu_overcommit, ceil($count::numeric / cores))) WHERE name = 'local'"
token=$(bin/vps-panel create-token admin --name bench 2>>"$data/product.log")

python3 - "$token" "$count" "http://localhost:$port" "$panel_pid" "$agent_pid" <<'PY'
import json, os, sys, time, urllib.request, urllib.error

token, count, url = sys.argv[1], int(sys.argv[2]), sys.argv[3].rstrip('/')
pids = {'panel': int(sys.argv[4]), 'agent': int(sys.argv[5])}
ticks, page = os.sysconf('SC_CLK_TCK'), os.sysconf('SC_PAGE_SIZE')


def call(method, path, body=None):
    request = urllib.request.Request(url + path, method=method, headers={'Authorization': 'Bearer ' + token,
                                     'Content-Type': 'application/json'},
                                     data=None if body is None else json.dumps(body).encode())
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            text = response.read().decode()
            return response.status, json.loads(text) if text else None
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read().decode() or 'null')


def process(pid):
    """CPU seconds and resident bytes of the process."""
    fields = open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / ticks, int(open(f'/proc/{pid}/statm').read().split()[1]) * page


class Meter:
    """CPU and memory of the panel and the agent, read every second while partitions are made."""

    def __init__(self):
        self.started = time.monotonic()
        self.first = {name: process(pid) for name, pid in pids.items()}
        self.last, self.last_at = dict(self.first), self.started
        self.peak_cpu = {name: 0.0 for name in pids}
        self.peak_rss = {name: figures[1] for name, figures in self.first.items()}

    def sample(self):
        now = time.monotonic()
        for name, pid in pids.items():
            cpu, rss = process(pid)
            if now > self.last_at:
                self.peak_cpu[name] = max(self.peak_cpu[name], (cpu - self.last[name][0]) / (now - self.last_at))
            self.peak_rss[name] = max(self.peak_rss[name], rss)
            self.last[name] = (cpu, rss)
        self.last_at = now

    def report(self):
        self.sample()
        seconds = self.last_at - self.started
        for name, pid in pids.items():
            cpu = self.last[name][0] - self.first[name][0]
            print(f'{name} (pid {pid}): {cpu:.1f} s of CPU, {cpu / seconds * 100:.0f}% of a core on average, '
                  f'{self.peak_cpu[name] * 100:.0f}% at most over a second; resident memory '
                  f'{self.first[name][1] / 2**20:.0f} MiB before, {self.peak_rss[name] / 2**20:.0f} MiB at most')


def create_and_start(ids):
    meter, started = Meter(), time.monotonic()
    for i in range(count):
        status, body = call('POST', '/api/v1/partitions', {'customer': 'bench', 'plan': 'bench',
                                                           'template': 'busybox', 'hostname': f'bench{i}.example.com'})
        if status != 201:
            raise SystemExit(f'creating partition {i} failed: {status} {body}')
        ids.append(body['id'])
        meter.sample()
    created = time.monotonic()
    pending = set(ids)
    while pending:
        for pid in list(pending):
            body = call('GET', f'/api/v1/partitions/{pid}')[1]
            if body['state'] == 'failed':
                raise SystemExit(f'partition {pid} failed: {body}')
            if body.get('job') is None and body['state'] == 'stopped':
                call('POST', f'/api/v1/partitions/{pid}/start')
            elif body.get('job') is None and body['state'] == 'running':
                pending.discard(pid)
        meter.sample()
        time.sleep(1)
    done = time.monotonic()
    print(f'{count} partitions: the API took all creates in {created - started:.1f} s; all running after '
          f'{done - started:.1f} s ({(done - started) / count * 1000:.0f} ms per partition)')
    meter.report()


def destroy(ids):
    """Terminates the partitions, waiting for any job of theirs to end first."""
    left = set(ids)
    while left:
        for pid in list(left):
            body = call('GET', f'/api/v1/partitions/{pid}')[1]
            if body['state'] == 'destroyed':
                left.discard(pid)
            elif body.get('job') is None:
                call('DELETE', f'/api/v1/partitions/{pid}')
        time.sleep(1)
    print(f'destroyed all {len(ids)}')


call('POST', '/api/v1/customers', {'username': 'bench', 'email': 'bench@example.com', 'password': 'bench password 1'})
call('POST', '/api/v1/plans', {'name': 'bench', 'memory': '64M', 'disk': '256M', 'diskInodes': 20000})
made = []
try:
    create_and_start(made)
finally:
    destroy(made)
PY
