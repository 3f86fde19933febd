#!/usr/bin/env bash
# Ingest at the storage ceiling (issue 9, docs/benchmarks.md), measured with wrk against one server:
#   1. GET /health/live                       — what the HTTP stack alone answers on this machine (the ceiling);
#   2. single-heartbeat telemetry requests    — goal ≥ 0.25 of (1) with p99 ≤ 20 ms;
#   3. 500-heartbeat telemetry requests       — goal ≥ 120,000 events/s.
# Terminals come from the benchmark seeder (registered with keys written to a file). SQLite, synchronous=FULL, no demo.
# Bounded: each wrk run lasts S seconds; the server listens on 127.0.0.1 and is stopped at the end.
# Usage: scripts/bench-ingest-wrk.sh [terminals=10000] [seconds=20] [connections=64]
set -euo pipefail
cd "$(dirname "$0")/.."
terminals=${1:-10000}; seconds=${2:-20}; connections=${3:-64}; threads=2
root=$PWD; work=$(mktemp -d /tmp/fleetops-wrk.XXXX); port=${BENCH_PORT:-5162}
trap 'pkill -TERM -f "FleetOps.Web.dll --urls http://127.0.0.1:$port" 2>/dev/null || true; rm -rf "$work"' EXIT
. scripts/lib-wrk.sh
for p in src/FleetOps.Web tools/FleetOps.Bench; do dotnet build "$p" -c Release -nologo -v quiet >/dev/null; done
echo "machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine lowers every figure)"
dotnet tools/FleetOps.Bench/bin/Release/net10.0/FleetOps.Bench.dll seed --db "$work/bench.db" --terminals "$terminals" \
  --stores $(( (terminals + 49) / 50 )) --transactions 0 --open 0 --keys-file "$work/keys.csv" | head -1
( cd "$work" && FleetOps__Demo__Enabled=false Serilog__MinimumLevel__Default=Warning ConnectionStrings__FleetOps="Data Source=$work/bench.db" \
  FleetOps__RateLimits__TelemetryRequestsPerSecond=100000 FleetOps__RateLimits__TelemetryBurst=100000 \
  exec timeout 900 dotnet "$root/src/FleetOps.Web/bin/Release/net10.0/FleetOps.Web.dll" --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1 ) &
for _ in $(seq 1 400); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break; sleep 0.25; done

read -r health health_p99 < <(run_wrk health 0)
echo "GET /health/live:            $health requests/s, p99 $health_p99 ms"
read -r single single_p99 < <(run_wrk singleevent 1)
echo "1 heartbeat per request:     $single requests/s, p99 $single_p99 ms"
read -r batch batch_p99 < <(run_wrk batchofevents 500)
echo "500 heartbeats per request:  $batch requests/s = $((batch * 500)) events/s, p99 $batch_p99 ms"
awk -v s="$single" -v h="$health" -v p="$single_p99" -v b="$batch" 'BEGIN {
  printf "RESULT single_to_health_ratio=%.2f single_p99_ms=%s batch_events_per_sec=%d\n", s / h, p, b * 500 }'
