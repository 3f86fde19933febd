#!/usr/bin/env bash
# Ingest benchmark (docs/benchmarks.md): starts FleetOps (Release, SQLite, no demo) on 127.0.0.1, registers
# N terminals and posts heartbeats as fast as the server accepts them for D seconds, then prints the
# simulator's report plus the server's CPU time and peak memory. Bounded: stops by itself.
# Usage: scripts/bench-ingest.sh [terminals=10000] [seconds=30] [concurrency=64] [events-per-request=1]
set -euo pipefail
cd "$(dirname "$0")/.."
terminals=${1:-10000}; seconds=${2:-30}; concurrency=${3:-64}; per_request=${4:-1}
work=$(mktemp -d /tmp/fleetops-bench.XXXX); port=5099; token=bench-token
dotnet build src/FleetOps.Web -c Release -nologo -v quiet >/dev/null
dotnet build src/FleetOps.Simulator -c Release -nologo -v quiet >/dev/null
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time; } >/dev/null 2>&1
(
  cd "$work"
  FleetOps__Demo__Enabled=false FleetOps__Bootstrap__ApiToken=$token \
  FleetOps__RateLimits__TelemetryRequestsPerSecond=1000 FleetOps__RateLimits__TelemetryBurst=1000 \
  Serilog__MinimumLevel__Default=Warning \
  ConnectionStrings__FleetOps="Data Source=$work/bench.db" \
  /usr/bin/time -v -o "$work/server-time.txt" dotnet "$OLDPWD/src/FleetOps.Web/bin/Release/net10.0/FleetOps.Web.dll" --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1
) &
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.5; done
/usr/bin/time -v -o "$work/load-time.txt" dotnet src/FleetOps.Simulator/bin/Release/net10.0/FleetOps.Simulator.dll load --url "http://127.0.0.1:$port" --api-token $token \
  --terminals "$terminals" --stores $((terminals / 50)) --concurrency "$concurrency" --duration-seconds "$seconds" --events-per-request "$per_request"
pkill -TERM -f "FleetOps.Web.dll --urls http://127.0.0.1:$port" || true
wait
echo "load generator: $(grep -E 'User time|System time' "$work/load-time.txt" | sed 's/^\s*//' | paste -sd ';')"
echo "server: $(grep -E 'User time|System time|Maximum resident' "$work/server-time.txt" | sed 's/^\s*//' | paste -sd ';')"
echo "server wall time includes start-up and terminal registration; CPU is for the whole run"
rm -rf "$work"
