#!/usr/bin/env bash
# Live-path benchmark (issue 9, docs/benchmarks.md). Bounded: every step has a count and a time limit, and the servers
# it starts on 127.0.0.1 are stopped at the end.
#   1. Heartbeat → changed DOM in Debian's Chromium, over N probes while the demo simulator streams its 300 terminals.
#   2. Ingest rate with no dashboard client, then with C SignalR dashboard clients connected (same load, same server).
# Usage: scripts/bench-live.sh [probes=120] [dashboards=200] [load-seconds=20]
set -euo pipefail
cd "$(dirname "$0")/.."
probes=${1:-120}; dashboards=${2:-200}; seconds=${3:-20}
root=$PWD; work=$(mktemp -d /tmp/fleetops-live.XXXX); port=5098; token=bench-token
trap 'pkill -TERM -f "FleetOps.Web.dll --urls http://127.0.0.1:$port" 2>/dev/null || true; rm -rf "$work"' EXIT
[ -x /usr/bin/chromium ] || { apt-get update -qq && apt-get install -y -qq chromium; } >/dev/null 2>&1
for p in src/FleetOps.Web src/FleetOps.Simulator tools/FleetOps.LiveBench; do dotnet build "$p" -c Release -nologo -v quiet >/dev/null; done
bench="dotnet $root/tools/FleetOps.LiveBench/bin/Release/net10.0/FleetOps.LiveBench.dll"

start_server() { # $1: demo on/off, $2: database file
  ( cd "$work" && FleetOps__Demo__Enabled=$1 FleetOps__Bootstrap__ApiToken=$token Serilog__MinimumLevel__Default=Warning \
    FleetOps__RateLimits__TelemetryRequestsPerSecond=1000 FleetOps__RateLimits__TelemetryBurst=1000 \
    ConnectionStrings__FleetOps="Data Source=$2" \
    timeout 900 dotnet "$root/src/FleetOps.Web/bin/Release/net10.0/FleetOps.Web.dll" --urls "http://127.0.0.1:$port" >>"$work/server.log" 2>&1 ) &
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && return 0; sleep 0.5; done
  echo "server did not start"; tail -20 "$work/server.log"; exit 1
}
stop_server() { pkill -TERM -f "FleetOps.Web.dll --urls http://127.0.0.1:$port" || true; sleep 2; }
load() { # $1: terminal-id prefix
  timeout $((seconds + 120)) dotnet "$root/src/FleetOps.Simulator/bin/Release/net10.0/FleetOps.Simulator.dll" load \
    --url "http://127.0.0.1:$port" --api-token $token --terminals 500 --stores 10 --concurrency 64 \
    --duration-seconds "$seconds" --prefix "$1" | grep '^RESULT'
}

echo "== heartbeat to DOM, $probes probes, demo simulator running"
start_server true "$work/demo.db"
sleep 10 # let the demo's 300 terminals start streaming
timeout 600 $bench latency --url "http://127.0.0.1:$port" --api-token $token \
  --email admin@fleetops.demo --password FleetOps-demo-2026 --probes "$probes" || true
stop_server

echo "== ingest with 0 and with $dashboards dashboard clients, ${seconds} s each"
start_server false "$work/load.db"
without=$(load LA)
echo "without dashboards: $without"
timeout $((seconds + 200)) $bench dashboards --url "http://127.0.0.1:$port" --api-token $token --clients "$dashboards" \
  --seconds $((seconds + 150)) >"$work/crowd.log" 2>&1 &
for _ in $(seq 1 240); do grep -q "dashboards connected" "$work/crowd.log" && break; sleep 0.5; done
head -1 "$work/crowd.log"
with=$(load LB)
echo "with dashboards:    $with"
rate() { sed -n 's/.*events_per_sec=\([0-9]*\).*/\1/p' <<<"$1"; }
awk -v a="$(rate "$without")" -v b="$(rate "$with")" 'BEGIN { printf "RESULT ingest_with_dashboards_ratio=%.2f (%d vs %d events/s)\n", b / a, b, a }'
pkill -f "FleetOps.LiveBench.dll dashboards" || true
stop_server
