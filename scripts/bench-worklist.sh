#!/usr/bin/env bash
# Worklist benchmark (docs/benchmarks.md, issue 4): seeds a fresh SQLite database (server migrations, event-writer
# commands) with T transactions of which O are open, starts FleetOps (Release, no demo) on 127.0.0.1, reports the time
# to ready and peak memory, times R sequential requests for the first page of GET /api/v1/transactions/unsettled
# (all stores, one store, one reason), stops the server, then times the worklist page's rebuild in-process.
# Bounded: stops by itself. Usage: scripts/bench-worklist.sh [transactions=1000000] [open=100000] [requests=200] [terminals=3000]
set -euo pipefail
cd "$(dirname "$0")/.."
transactions=${1:-1000000}; open=${2:-100000}; requests=${3:-200}; terminals=${4:-3000}
port=${BENCH_PORT:-5151}; token=bench-token; repo=$PWD
work=$(mktemp -d /tmp/fleetops-bench-worklist.XXXX)
server=""
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then kill -TERM "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (2 cores busy = 2.0; other work on the machine slows every figure)"
build() { flock /tmp/fleetops-build.lock dotnet build "$1" -c Release -nologo -v quiet >/dev/null; }
build src/FleetOps.Web
build tools/FleetOps.Bench
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time; } >/dev/null 2>&1
bench() { dotnet tools/FleetOps.Bench/bin/Release/net10.0/FleetOps.Bench.dll "$@"; }

bench seed --db "$work/bench.db" --transactions "$transactions" --open "$open" --terminals "$terminals" --stores $((terminals / 20))
echo "database: $(du -m "$work/bench.db" | cut -f1) MiB"

started=$EPOCHREALTIME
(
  cd "$work"
  FleetOps__Demo__Enabled=false FleetOps__Bootstrap__ApiToken=$token Serilog__MinimumLevel__Default=Warning \
  ConnectionStrings__FleetOps="Data Source=$work/bench.db" \
  exec /usr/bin/time -v -o "$work/server-time.txt" dotnet "$repo/src/FleetOps.Web/bin/Release/net10.0/FleetOps.Web.dll" --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1
) &
timer=$!
for _ in $(seq 1 1200); do
  server=$(pgrep -P "$timer" || true)
  curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
  kill -0 "$timer" 2>/dev/null || { echo "server exited:"; tail -20 "$work/server.log"; exit 1; }
  sleep 0.1
done
echo "server ready after $(awk "BEGIN { printf \"%.1f\", $EPOCHREALTIME - $started }") s (process start, migrations, loading the open transactions)"

bench http --url "http://127.0.0.1:$port" --token $token --requests "$requests" --store ST-0001
kill -TERM "$server"
wait "$timer" || true
server=""
echo "server: $(grep -E 'User time|System time|Maximum resident' "$work/server-time.txt" | sed 's/^\s*//' | paste -sd ';')"

bench model --db "$work/bench.db"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
