#!/usr/bin/env bash
# Failover of the elected work (issue 17 item 4, docs/benchmarks.md): two real nodes on one fresh PostgreSQL database;
# the leader is killed with kill -9 and the script measures how long until the other node answers that it leads
# (GET /api/v1/node). Goal: ≤ 15 s. Both nodes listen on 127.0.0.1 and are stopped at the end; the database is dropped.
# Usage: scripts/bench-failover.sh [rounds=3]   (needs PostgreSQL: pg_ctlcluster 15 main start)
# FLEETOPS_TEST_POSTGRES names the server (default: the tests' local one).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
server_conn=${FLEETOPS_TEST_POSTGRES:-"Host=127.0.0.1;Username=postgres;Password=fleetops;Database=postgres"}
database="fleetops_failover_$$"
token="failover-bench-token"
work=$(mktemp -d /tmp/fleetops-failover.XXXX)
dll=$PWD/src/FleetOps.Web/bin/Release/net10.0/FleetOps.Web.dll
declare -A pids=()
psql_server() { PGPASSWORD=fleetops psql -h 127.0.0.1 -U postgres -d postgres -qtAc "$1"; }
cleanup() {
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  psql_server "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
flock /tmp/fleetops-build.lock dotnet build src/FleetOps.Web -c Release -nologo -v quiet >/dev/null
psql_server "CREATE DATABASE \"$database\"" >/dev/null
conn="${server_conn/Database=postgres/Database=$database}"
echo "machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"

start_node() { # PORT
  ( cd "$work" && FleetOps__Demo__Enabled=false Serilog__MinimumLevel__Default=Warning FleetOps__Database__Provider=Postgres \
    ConnectionStrings__FleetOps="$conn" FleetOps__Leadership__Mode=Elect FleetOps__Bootstrap__ApiToken="$token" \
    exec timeout 900 dotnet "$dll" --urls "http://127.0.0.1:$1" >"$work/node-$1.log" 2>&1 ) &
  pids[$1]=$!
  for _ in $(seq 1 1200); do curl -sf "http://127.0.0.1:$1/health/ready" >/dev/null 2>&1 && return 0; sleep 0.25; done
  echo "node on port $1 did not start" >&2; tail -20 "$work/node-$1.log" >&2; exit 1
}
leads() { curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$1/api/v1/node" | grep -q '"leads":true'; }

a=5181; b=5182
start_node $a   # the first node migrates the database and takes the lock
start_node $b
worst=0
for round in $(seq 1 "$rounds"); do
  if leads $a; then leader=$a; follower=$b; else leader=$b; follower=$a; fi
  leads $follower && { echo "two nodes lead at once" >&2; exit 1; }
  killed=$(date +%s.%N)
  kill -9 "$(pgrep -P "${pids[$leader]}" || echo "${pids[$leader]}")" "${pids[$leader]}" 2>/dev/null || true
  wait "${pids[$leader]}" 2>/dev/null || true
  until leads $follower; do sleep 0.05; done
  took=$(awk -v s="$killed" -v e="$(date +%s.%N)" 'BEGIN { printf "%.2f", e - s }')
  echo "round $round: killed the leader on port $leader; port $follower leads after $took s"
  worst=$(awk -v w="$worst" -v t="$took" 'BEGIN { print (t > w) ? t : w }')
  start_node $leader   # it comes back as a follower for the next round
done
echo "RESULT failover_worst_seconds=$worst rounds=$rounds (goal ≤ 15; retry every FleetOps:Leadership:RetrySeconds = 3 s)"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
