#!/usr/bin/env bash
# Start-up benchmark (docs/benchmarks.md, issue 9): seeds a SQLite database (server migrations, event-writer commands) with
# N registered terminals with latest state, H heartbeats per terminal over the power horizon plus power losses, and
# T transactions of which O are open; then starts FleetOps (Release, no demo) on 127.0.0.1 R times and prints the time
# from process start to the first 200 from /health/ready, and the median. One untimed start first applies any pending
# migration (a new index is built once, on the first start) and warms the page cache. Bounded: stops by itself.
# Usage: scripts/bench-startup.sh [terminals=100000] [transactions=1000000] [open=100000] [heartbeats=20] [runs=3]
# BENCH_DB=/path/file.db keeps the seeded database (seeded only if the file does not exist) for before/after runs;
# BENCH_SERVER=/path/FleetOps.Web.dll starts another build (e.g. the commit before a change) on the same database.
# Each start records its run (ListeningRuns): after ~25 starts the seeded terminals have been silent for 180 s of listening
# and count as offline, and the alert centre opens 100,000 alerts beside the start; seed anew for comparable figures.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib-proc.sh
terminals=${1:-100000}; transactions=${2:-1000000}; open=${3:-100000}; heartbeats=${4:-20}; runs=${5:-3}
port=${BENCH_PORT:-5152}; repo=$PWD
server_dll=${BENCH_SERVER:-$repo/src/FleetOps.Web/bin/Release/net10.0/FleetOps.Web.dll}
work=$(mktemp -d /tmp/fleetops-bench-startup.XXXX)
db=${BENCH_DB:-$work/bench.db}
server=""
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then kill -TERM "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "machine: $(nproc) cores; $(free -m | awk '/^Mem:/ { print $2 " MiB memory, " $7 " MiB available" }')"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (2 cores busy = 2.0; other work on the machine slows every figure)"
build() { flock /tmp/fleetops-build.lock dotnet build "$1" -c Release -nologo -v quiet >/dev/null; }
build src/FleetOps.Web
build tools/FleetOps.Bench

if [ ! -f "$db" ]; then
  dotnet tools/FleetOps.Bench/bin/Release/net10.0/FleetOps.Bench.dll seed --db "$db" --terminals "$terminals" \
    --stores $((terminals / 20)) --transactions "$transactions" --open "$open" --heartbeats "$heartbeats"
fi
echo "database: $db, $(du -m "$db" | cut -f1) MiB"

# Starts the server, waits for /health/ready, prints the seconds since the process started and the CPU seconds (user +
# system) it had used by then — the fairer figure when other work shares the cores — and stops it.
start_once() {
  local started=$EPOCHREALTIME timer ready=""
  (
    cd "$work"
    FleetOps__Demo__Enabled=false ConnectionStrings__FleetOps="Data Source=$db" \
    exec dotnet "$server_dll" --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1
  ) &
  timer=$!
  server=$timer
  for _ in $(seq 1 6000); do
    if curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then ready=$EPOCHREALTIME; break; fi
    kill -0 "$timer" 2>/dev/null || { echo "server exited:" >&2; tail -20 "$work/server.log" >&2; exit 1; }
    sleep 0.05
  done
  [ -n "$ready" ] || { echo "not ready after 5 minutes" >&2; exit 1; }
  cpu=$(awk -v ms="$(cpu_ms "$timer")" 'BEGIN { printf "%.2f", ms / 1000 }')
  kill -TERM "$timer"
  wait "$timer" || true
  server=""
  awk "BEGIN { printf \"%.2f s, %s s CPU\", $ready - $started, $cpu }"
}

echo "first start (pending migrations, warm cache): $(start_once)"
grep -E "Start-up step|rebuilt" "$work/server.log" | sed 's/^/  /' || true
times=()
for run in $(seq 1 "$runs"); do
  times+=("$(start_once)")
  echo "run $run: ready after ${times[-1]} (load $(cut -d' ' -f1 /proc/loadavg))"
  grep -E "Start-up step|rebuilt" "$work/server.log" | sed 's/^/  /' || true
done
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
echo "median of $runs: ready after $(printf '%s\n' "${times[@]}" | cut -d' ' -f1 | median) s, \
$(printf '%s\n' "${times[@]}" | cut -d' ' -f3 | median) s CPU"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
