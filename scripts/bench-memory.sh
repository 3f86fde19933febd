#!/usr/bin/env bash
# Memory at fleet scale (issue 9, docs/benchmarks.md): resident memory (RSS) of the server process with N terminals.
#   1. An empty database: RSS when ready (the baseline: runtime, code, ASP.NET Core, MudBlazor).
#   2. N seeded terminals (latest state, one heartbeat each, a power loss on ~10 %), keys written to a file: RSS when
#      ready; then the simulator's load command heartbeats every terminal (round robin, closed loop) for S seconds while
#      RSS is sampled each second; then RSS after 30 s idle — the steady state the goal (≤ 250 MB at 100,000) is about.
# The load gives every terminal a new boot id (the simulator's), so each one also records a reboot: a pessimistic fleet.
# Bounded: every server and load run has a time limit; servers listen on 127.0.0.1 and are stopped at the end.
# Usage: scripts/bench-memory.sh [terminals=100000] [load-seconds=60]
# Runtime settings pass through the environment, e.g. DOTNET_GCConserveMemory=9 scripts/bench-memory.sh
# BENCH_SERVER=/path/to/FleetOps.Web.dll measures another build (an A/B against a copy of the old bin folder).
# BENCH_GCDUMP=/tmp/x.gcdump also takes a heap dump in the steady state and writes its report (types by size) beside it.
# BENCH_HEAPSTAT=/tmp/x.txt also takes a full dump in the steady state (dotnet-dump, installed if missing) and writes the
# live objects by type, largest first, and the strings by text, most bytes first (SOS: dumpheap -stat -live, -strings -live) —
# exact where the gcdump's report is lossy and lists only the largest single objects. The dump (~700 MB) is deleted after.
set -euo pipefail
cd "$(dirname "$0")/.."
terminals=${1:-100000}; seconds=${2:-60}
root=$PWD; work=$(mktemp -d /tmp/fleetops-memory.XXXX); port=${BENCH_PORT:-5161}
server_dll=${BENCH_SERVER:-$root/src/FleetOps.Web/bin/Release/net10.0/FleetOps.Web.dll}
trap 'pkill -TERM -f "FleetOps.Web.dll --urls http://127.0.0.1:$port" 2>/dev/null || true; rm -rf "$work"' EXIT
# One build at a time (flock): parallel A/B runs would otherwise write the same obj folders. BENCH_BUILD_LOCK names
# another lock file when the shared one is held by a long build elsewhere.
# Another build's server (BENCH_SERVER) needs no build here; the seeder (which builds the server too) only when seeding.
build() { flock "${BENCH_BUILD_LOCK:-/tmp/fleetops-build.lock}" dotnet build "$1" -c Release -nologo -v quiet >/dev/null; }
[ -n "${BENCH_SERVER:-}" ] || build src/FleetOps.Web
build src/FleetOps.Simulator
[ -f "${BENCH_DB:-/nonexistent}" ] || build tools/FleetOps.Bench
echo "machine: $(nproc) cores, $(free -m | awk '/^Mem:/ { print $2 " MiB" }'); load average $(cut -d' ' -f1-3 /proc/loadavg)"

rss() { awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }
# The offline limit is a day: a seeded database kept with BENCH_DB holds heartbeat times of when it was seeded, and hours
# later every terminal would be offline with an alert each — a fleet-wide alert storm, not the heartbeating fleet measured here.
start_server() { # $1: database file; echoes the server's pid
  ( cd "$work" && FleetOps__Demo__Enabled=false FleetOps__Detection__OfflineAfterSeconds=86400 Serilog__MinimumLevel__Default=Warning ConnectionStrings__FleetOps="Data Source=$1" \
    FleetOps__RateLimits__TelemetryRequestsPerSecond=100000 FleetOps__RateLimits__TelemetryBurst=100000 \
    exec env Serilog__MinimumLevel__Override__FleetOps.Web.Background.HeapTrimmer=Information timeout 1200 dotnet "$server_dll" --urls "http://127.0.0.1:$port" \
    >>"$work/server.log" 2>&1 ) &
  for _ in $(seq 1 1200); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break; sleep 0.25; done
  curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null || { echo "server did not start" >&2; tail -20 "$work/server.log" >&2; exit 1; }
  pgrep -f "^dotnet .*FleetOps.Web.dll --urls http://127.0.0.1:$port"
}
stop_server() { kill -TERM "$1" 2>/dev/null || true; for _ in $(seq 1 40); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.25; done; }

pid=$(start_server "$work/empty.db"); sleep 10
empty=$(rss "$pid"); echo "empty fleet, ready + 10 s: RSS $empty MB"
stop_server "$pid"

seeded=${BENCH_DB:-$work/seed.db} # BENCH_DB keeps the seeded database (and its .keys.csv) for repeated runs; each run uses a copy
if [ ! -f "$seeded" ]; then
  dotnet tools/FleetOps.Bench/bin/Release/net10.0/FleetOps.Bench.dll seed --db "$seeded" --terminals "$terminals" \
    --stores $(( (terminals + 19) / 20 )) --transactions 0 --open 0 --heartbeats 1 --keys-file "$seeded.keys.csv" | head -1
fi
cp "$seeded" "$work/fleet.db"; cp "$seeded.keys.csv" "$work/keys.csv"
pid=$(start_server "$work/fleet.db"); sleep 10
ready=$(rss "$pid"); echo "$terminals terminals, ready + 10 s: RSS $ready MB"
timeout $((seconds + 120)) dotnet src/FleetOps.Simulator/bin/Release/net10.0/FleetOps.Simulator.dll load --url "http://127.0.0.1:$port" \
  --keys-file "$work/keys.csv" --concurrency 32 --duration-seconds "$seconds" >"$work/load.log" 2>&1 &
loader=$!; peak=0
while kill -0 "$loader" 2>/dev/null; do now=$(rss "$pid"); [ "$now" -gt "$peak" ] && peak=$now; sleep 1; done
grep '^RESULT' "$work/load.log" | sed 's/^/load: /'
sleep 30
steady=$(rss "$pid"); echo "$terminals terminals, after the load + 30 s idle: RSS $steady MB (peak during load $peak MB)"
if [ -n "${BENCH_GCDUMP:-}" ]; then # the live heap by type (dotnet-gcdump; taking it runs a full collection)
  timeout 300 "$HOME/.dotnet/tools/dotnet-gcdump" collect -p "$pid" -o "$BENCH_GCDUMP" >/dev/null
  timeout 120 "$HOME/.dotnet/tools/dotnet-gcdump" report "$BENCH_GCDUMP" | head -40 >"$BENCH_GCDUMP.txt"
  echo "after the gcdump's collection: RSS $(rss "$pid") MB; heap by type in $BENCH_GCDUMP.txt"
fi
if [ -n "${BENCH_HEAPSTAT:-}" ]; then
  # A failing tool says so and the benchmark goes on to its RESULT line (set -e would end it here).
  tool=$HOME/.dotnet/tools/dotnet-dump
  [ -x "$tool" ] || dotnet tool install -g dotnet-dump >/dev/null || echo "heap statistics: installing dotnet-dump failed" >&2
  if timeout 300 "$tool" collect -p "$pid" -o "$work/steady.dmp" >/dev/null \
     && timeout 600 "$tool" analyze "$work/steady.dmp" -c "dumpheap -stat -live" -c "dumpheap -stat -strings -live" -c exit >"$work/heap.txt"; then
    # Types: rows that start with a method table's address. Strings: rows of copies, bytes and text; SOS right-aligns the
    # columns (the widest value has no space before it) and writes a total too wide for its column as "...000,000".
    # awk, not head, takes the first lines: head closing the pipe early would end this script (pipefail).
    { grep -m1 '^Total' "$work/heap.txt" || true; echo "live objects by type, largest first (count, bytes, type):"
      grep -E '^ *[0-9a-f]{12,16} ' "$work/heap.txt" | tr -d ',' | sort -k3 -n -r | awk 'NR <= 60 { $1 = ""; print }' || true
      echo "strings by text, most bytes first (copies, bytes, text):"
      grep -vE '^ *[0-9a-f]{12,16} ' "$work/heap.txt" | grep -E '^ *[0-9,]+ +(\.\.\.)?[0-9,]+ ' | tr -d ',' \
        | awk '{ print ($2 ~ /^\.\.\./ ? 1e18 : $2) "\t" $0 }' | sort -g -r -k1,1 | cut -f2- | awk 'NR <= 30' || true
    } >"$BENCH_HEAPSTAT"
    echo "live heap by type in $BENCH_HEAPSTAT: $(grep -m1 '^Total' "$work/heap.txt" || true)"
  else
    echo "heap statistics failed (dotnet-dump collect or analyze)" >&2
  fi
  rm -f "$work/steady.dmp"
fi
stop_server "$pid"
# The heap trimmer's collections (when it ran, its pause, what the collector held before and after).
grep -h "compacting collection" "$work/server.log" | sed -E 's/^/server: /' || true
echo "RESULT terminals=$terminals rss_empty_mb=$empty rss_ready_mb=$ready rss_peak_mb=$peak rss_steady_mb=$steady"
