#!/usr/bin/env bash
# Benchmark (run by hand): the partitions grid with N partitions (default 10,000) in the database, in Debian's
# Chromium: time to the first page and the round trip of scrolling to the end (targets: under 1 s and under
# 100 ms); and the usage dashboard with an hour of samples for 1,000 running partitions and 30 days of
# traffic for all. Starts a panel of its own (no agent) on a throwaway data directory, fills its embedded
# PostgreSQL with SQL, times the pages with bench/panel/GridBench.java, then stops the panel and deletes all.
#   bench/panel/grid.sh [N=10000]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
count=${1:-10000}
cd "$here"
source bin/env.sh
source bench/panel/common.sh
jar=target/vpspanel-0.1.0-SNAPSHOT.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml src db frontend -type f -newer "$jar" 2>/dev/null | head -1)" ]; then
  mvn -B -q -ntp package -DskipTests >&2
fi

data="$(mktemp -d /tmp/vpgrid.XXXXXX)"
panel_pid=""
cleanup() {
  if [ -n "$panel_pid" ]; then
    kill "$panel_pid" 2>/dev/null || true
    wait "$panel_pid" 2>/dev/null || true
  fi
  rm -rf "$data"
}
trap cleanup EXIT

port=$(free_port)
password="grid bench $RANDOM$RANDOM"
: >"$data/panel.log"
VPSPANEL_DATA_DIR="$data/panel" VPSPANEL_PORT="$port" VPSPANEL_ADMIN_PASSWORD="$password" \
  "$JAVA_HOME/bin/java" -jar "$jar" >"$data/panel.log" 2>&1 &
panel_pid=$!
await_ready "$data/panel.log" "$panel_pid"

started=$(date +%s%3N)
psql_panel "$data/panel.log" -v count="$count" <<'SQL'
INSERT INTO node (name, address, cores, memory, disk, cpu_overcommit, memory_overcommit, disk_overcommit,
                  agent_url, last_seen_at)
VALUES ('bench', 'bench.example.com', 4096, 1099511627776, 1125899906842624, 1, 1, 1, NULL, NULL);
INSERT INTO ip_pool (name, node_id, cidr, gateway, range_start, range_end)
SELECT 'bench', id, '10.100.0.0/16', '10.100.0.1', '10.100.0.2', '10.100.255.254' FROM node WHERE name = 'bench';
-- a customer who cannot log in, and a plan (what it leaves out takes the catalogue's defaults)
INSERT INTO app_user (username, email, password_hash, role, billing_day)
VALUES ('bench', 'bench@example.com', '!', 'CUSTOMER', 1);
INSERT INTO plan (name, resources, over_quota_action, over_quota_rate)
VALUES ('bench', '{"cpus": 1, "memory": 67108864, "disk": 268435456, "ipv4Addresses": 1}', 'SUSPEND', 0);
INSERT INTO plan_template (plan_id, template_id)
SELECT p.id, t.id FROM plan p, os_template t WHERE p.name = 'bench' AND t.name = 'busybox';
INSERT INTO partition (hostname, customer_id, plan_id, node_id, template_id, resources, state, created_at)
SELECT 'bench' || i || '.example.com', (SELECT id FROM app_user WHERE username = 'bench'),
       (SELECT id FROM plan WHERE name = 'bench'), (SELECT id FROM node WHERE name = 'bench'),
       (SELECT id FROM os_template WHERE name = 'busybox'), (SELECT resources FROM plan WHERE name = 'bench'),
       CASE WHEN i % 10 = 0 THEN 'RUNNING' ELSE 'STOPPED' END, now() - make_interval(secs => :count - i)
FROM generate_series(1, :count) i ORDER BY i;
INSERT INTO ip_allocation (address, pool_id, partition_id)
SELECT '10.100.0.1'::inet + row_number() OVER (ORDER BY p.id), (SELECT id FROM ip_pool WHERE name = 'bench'), p.id
FROM partition p;
-- an hour of samples every 10 s for the running ones, 30 days of traffic for all
INSERT INTO usage_sample (partition_id, at, cpu_nanos, memory_bytes, swap_bytes, processes, disk_used_bytes,
                          disk_total_bytes, inodes_used, inodes_total, disk_read_bytes, disk_write_bytes, disk_read_ops,
                          disk_write_ops, net_in_bytes, net_out_bytes)
SELECT p.id, now() - make_interval(secs => 10 * s), (360 - s) * 10 * (p.id % 97) * 10000000, (p.id % 89) << 20,
       0, 5, 0, 0, 0, 0, 0, 0, 0, 0, (360 - s) * (p.id % 83) * 1000, 0
FROM partition p, generate_series(0, 359) s WHERE p.state = 'RUNNING';
INSERT INTO usage_day (partition_id, day, net_in_bytes, net_out_bytes)
SELECT p.id, current_date - d, (p.id % 79) << 20, (p.id % 71) << 20 FROM partition p, generate_series(0, 29) d;
ANALYZE;
SQL
echo "filled the database with $count partitions (and their samples) in $(( $(date +%s%3N) - started )) ms"

mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$data/classpath" >&2
# Newest first: the first row is the last partition made, the last row the first one.
"$JAVA_HOME/bin/java" -cp "$(cat "$data/classpath")" bench/panel/GridBench.java "http://localhost:$port" \
  "$password" "bench$count.example.com" "bench1.example.com" "$data/chromium"
