#!/usr/bin/env bash
# What announcing commits to other nodes costs one node's ingest (docs/benchmarks.md, issue 17 item 2): starts FleetOps
# (Release, PostgreSQL, a fresh database each run, no demo) on 127.0.0.1 twice — alone, then with FleetOps:Cluster:Enabled
# (one NodeChanges row + NOTIFY per group commit) — and runs the simulator's load against each for D seconds. Prints
# the simulator's report of both runs. Bounded: each server is stopped by its own pid.
# Usage: FLEETOPS_TEST_POSTGRES=… scripts/bench-fanout-ingest.sh [terminals=2000] [seconds=20] [concurrency=10] [events-per-request=1]
#   BENCH_SERVER=/path/FleetOps.Web.dll starts another build (an A/B); BENCH_NO_BUILD=1 uses the Release binaries as they are.
set -euo pipefail
cd "$(dirname "$0")/.."
terminals=${1:-2000}; seconds=${2:-20}; concurrency=${3:-10}; per_request=${4:-1}
port=5097; token=bench-token; root=$PWD
. scripts/lib-postgres.sh
echo "machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
server_dll=${BENCH_SERVER:-$root/src/FleetOps.Web/bin/Release/net10.0/FleetOps.Web.dll}
if [ -z "${BENCH_NO_BUILD:-}" ]; then
  [ -n "${BENCH_SERVER:-}" ] || flock /tmp/fleetops-build.lock dotnet build src/FleetOps.Web -c Release -nologo -v quiet >/dev/null
  flock /tmp/fleetops-build.lock dotnet build src/FleetOps.Simulator -c Release -nologo -v quiet >/dev/null
fi

run() { # $1 = cluster switch
  local db="fleetops_bench_fanout_$$"
  psql -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db" >/dev/null
  local work; work=$(mktemp -d /tmp/fleetops-fanout.XXXX)
  (cd "$work" && exec env FleetOps__Demo__Enabled=false FleetOps__Bootstrap__ApiToken=$token \
    FleetOps__Database__Provider=Postgres ConnectionStrings__FleetOps="$pg_server;Database=$db" \
    FleetOps__Cluster__Enabled="$1" Serilog__MinimumLevel__Default=Warning \
    FleetOps__RateLimits__TelemetryRequestsPerSecond=1000 FleetOps__RateLimits__TelemetryBurst=1000 \
    dotnet "$server_dll" --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1) &
  local server=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.5; done
  echo "== cluster switch $1"
  dotnet src/FleetOps.Simulator/bin/Release/net10.0/FleetOps.Simulator.dll load --url "http://127.0.0.1:$port" --api-token $token \
    --terminals "$terminals" --stores $((terminals / 50)) --concurrency "$concurrency" --duration-seconds "$seconds" \
    --events-per-request "$per_request" || true
  kill -TERM "$server"; wait "$server" || true
  psql -d "$db" -tAc 'SELECT count(*) FROM "NodeChanges"' | sed 's/$/ NodeChanges rows written/' || true
  psql -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null
  rm -rf "$work"
}
run false
run true
