#!/usr/bin/env bash
# Ingest at the storage ceiling (issue 9, docs/benchmarks.md), measured with wrk against one server:
#   1. GET /health/live                       — what the HTTP stack alone answers on this machine (the ceiling);
#   2. single-heartbeat telemetry requests    — goal ≥ 0.25 of (1) with p99 ≤ 20 ms;
#   3. 500-heartbeat telemetry requests       — goal ≥ 120,000 events/s.
# Terminals come from the benchmark seeder (registered with keys written to a file). SQLite, synchronous=FULL, no demo.
# Bounded: each wrk run lasts S seconds; the server listens on 127.0.0.1 and is stopped at the end.
# Usage: scripts/bench-ingest-wrk.sh [terminals=10000] [seconds=20] [connections=64]
# A/B comparisons (run each build in turn, at least twice, on the same seeded database):
#   BENCH_DB=/path/seed.db keeps the seeded database (seeded, with its keys file next to it as seed.db.keys.csv, only if the
#     file does not exist); every run works on a fresh copy of it, so no run sees the heartbeats of an earlier one.
#   BENCH_SERVER=/path/FleetOps.Web.dll starts another build (e.g. main's, built elsewhere) instead of this checkout's.
# BENCH_WARMUP=S (default 5): an unmeasured run of S seconds of each telemetry load first. Without it the single-event run
#   was the first to touch the ingest path, and its p99 measured the JIT (500–870 ms against 29 ms warm, 2026-12-04).
# The offline limit is a day, as in bench-memory.sh: a kept seed holds the heartbeat times of when it was seeded, and
#   later every terminal would open an offline alert in the first seconds of the run.
set -euo pipefail
cd "$(dirname "$0")/.."
terminals=${1:-10000}; seconds=${2:-20}; connections=${3:-64}; threads=2
root=$PWD; work=$(mktemp -d /tmp/fleetops-wrk.XXXX); port=${BENCH_PORT:-5162}
server_dll=${BENCH_SERVER:-$root/src/FleetOps.Web/bin/Release/net10.0/FleetOps.Web.dll}
seed=${BENCH_DB:-$work/seed.db}
server=""
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then kill -TERM "$server" 2>/dev/null || true; wait "$server" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
. scripts/lib-wrk.sh
build() { flock /tmp/fleetops-build.lock dotnet build "$1" -c Release -nologo -v quiet >/dev/null; }
[ -n "${BENCH_SERVER:-}" ] || build src/FleetOps.Web
build tools/FleetOps.Bench
echo "machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine lowers every figure)"
echo "server: $server_dll"
if [ ! -f "$seed" ]; then
  dotnet tools/FleetOps.Bench/bin/Release/net10.0/FleetOps.Bench.dll seed --db "$seed" --terminals "$terminals" \
    --stores $(( (terminals + 49) / 50 )) --transactions 0 --open 0 --keys-file "$seed.keys.csv" | head -1
fi
cp "$seed" "$work/bench.db"; cp "$seed.keys.csv" "$work/keys.csv"
( cd "$work" && FleetOps__Demo__Enabled=false FleetOps__Detection__OfflineAfterSeconds=86400 Serilog__MinimumLevel__Default=Warning \
  ConnectionStrings__FleetOps="Data Source=$work/bench.db" \
  FleetOps__RateLimits__TelemetryRequestsPerSecond=100000 FleetOps__RateLimits__TelemetryBurst=100000 \
  exec timeout 900 dotnet "$server_dll" --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1 ) &
server=$!
for _ in $(seq 1 400); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break; sleep 0.25; done

# The server's CPU time (user + system) per request of a run: a figure that other work on the machine changes far less
# than requests/s, for comparing two builds on a busy machine.
dotnet_pid=$(pgrep -P "$server" || echo "$server")
. scripts/lib-proc.sh
per_request() { # LABEL CPU_MS_BEFORE
  awk -v cpu=$(( $(cpu_ms "$dotnet_pid") - $2 )) '/requests in/ { printf "%.3f", cpu / $1 }' "$work/wrk-$1.txt"
}
if [ "${BENCH_WARMUP:-5}" -gt 0 ]; then
  seconds_measured=$seconds; seconds=${BENCH_WARMUP:-5}
  run_wrk warmsingle 1 >/dev/null; run_wrk warmbatch 500 >/dev/null
  seconds=$seconds_measured
fi
before=$(cpu_ms "$dotnet_pid"); read -r health health_p99 < <(run_wrk health 0)
echo "GET /health/live:            $health requests/s, p99 $health_p99 ms; server CPU $(per_request health "$before") ms/request"
before=$(cpu_ms "$dotnet_pid"); read -r single single_p99 < <(run_wrk singleevent 1)
echo "1 heartbeat per request:     $single requests/s, p99 $single_p99 ms; server CPU $(per_request singleevent "$before") ms/request"
before=$(cpu_ms "$dotnet_pid"); read -r batch batch_p99 < <(run_wrk batchofevents 500)
echo "500 heartbeats per request:  $batch requests/s = $((batch * 500)) events/s, p99 $batch_p99 ms; server CPU $(per_request batchofevents "$before") ms/request"
awk -v s="$single" -v h="$health" -v p="$single_p99" -v b="$batch" 'BEGIN {
  printf "RESULT single_to_health_ratio=%.2f single_p99_ms=%s batch_events_per_sec=%d\n", s / h, p, b * 500 }'
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
