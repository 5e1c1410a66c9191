#!/usr/bin/env bash
# Benchmark (run by hand): N partitions created and started through the REST API on the local node of a
# running product (bin/vps-panel), the time until all run, and the panel's and the agent's CPU time and
# peak memory meanwhile; then destroys them all, also when something failed.
#   bench/panel/api-create.sh TOKEN [N=50] [URL=http://localhost:8080]
# TOKEN: an admin's API token (bin/vps-panel create-token admin). Makes (or reuses) the plan "bench" (1 vCPU,
# 64M, 256M disk) and the customer "bench". N must fit the node: each takes one vCPU of cores x CPU
# overcommit (raise the overcommit on the Nodes page for a density run).
set -euo pipefail
token=${1:?usage: api-create.sh TOKEN [N] [URL]}
count=${2:-50}
url=${3:-http://localhost:8080}
exec python3 - "$token" "$count" "$url" <<'PY'
import json, os, sys, time, urllib.request, urllib.error

token, count, url = sys.argv[1], int(sys.argv[2]), sys.argv[3].rstrip('/')


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


def process(marker):
    """CPU seconds and resident bytes of the process whose command line holds the marker."""
    for pid in filter(str.isdigit, os.listdir('/proc')):
        try:
            cmdline = open(f'/proc/{pid}/cmdline', 'rb').read().replace(b'\0', b' ').decode()
            if marker in cmdline:
                fields = open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split()
                rss = int(open(f'/proc/{pid}/statm').read().split()[1]) * os.sysconf('SC_PAGE_SIZE')
                return (int(fields[11]) + int(fields[12])) / os.sysconf('SC_CLK_TCK'), rss
        except (FileNotFoundError, ProcessLookupError):
            pass
    return 0.0, 0


def usage():
    return {'panel': process('-Dvpspanel.local-agent.socket='),
            'agent': process('-Dloader.main=org.vpspanel.agent.AgentMain')}


def create_and_start(ids):
    before, started = usage(), time.monotonic()
    for i in range(count):
        status, body = call('POST', '/api/v1/partitions', {'customer': 'bench', 'plan': 'bench',
                                                           'template': 'busybox', 'hostname': f'bench{i}.example.com'})
        if status != 201:
            raise SystemExit(f'creating partition {i} failed: {status} {body}')
        ids.append(body['id'])
    created = time.monotonic()
    pending, peak = set(ids), {'panel': 0, 'agent': 0}
    while pending:
        for pid in list(pending):
            body = call('GET', f'/api/v1/partitions/{pid}')[1]
            if body['state'] == 'failed':
                raise SystemExit(f'partition {pid} failed: {body}')
            if body.get('job') is None and body['state'] == 'stopped':
                call('POST', f'/api/v1/partitions/{pid}/start')
            elif body.get('job') is None and body['state'] == 'running':
                pending.discard(pid)
        peak = {name: max(peak[name], figures[1]) for name, figures in usage().items()}
        time.sleep(1)
    done, after = time.monotonic(), usage()
    print(f'{count} partitions: the API took all creates in {created - started:.1f} s; all running after '
          f'{done - started:.1f} s ({(done - started) / count * 1000:.0f} ms per partition)')
    for name in ('panel', 'agent'):
        print(f'{name}: {after[name][0] - before[name][0]:.1f} s of CPU meanwhile, '
              f'peak resident memory {peak[name] / 2**20:.0f} MiB')


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
