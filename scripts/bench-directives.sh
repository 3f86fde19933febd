#!/usr/bin/env bash
# Single-event telemetry throughput with and without a running rollout, on copies of one seeded database.
# Issue 13 (docs/benchmarks.md): the telemetry answer carries each terminal's directive from a dictionary; this shows what
# that costs. Servers listen on 127.0.0.1 and are stopped by their own PID; wrk runs last S seconds each.
# Usage: scripts/bench-directives.sh [terminals=10000] [seconds=15] [connections=64]
set -euo pipefail
cd "$(dirname "$0")/.."
terminals=${1:-10000}; seconds=${2:-15}; connections=${3:-64}; threads=2
root=$PWD; work=$(mktemp -d /tmp/fleetops-directives.XXXX); port=${BENCH_PORT:-5187}
server=""
trap '[ -n "$server" ] && kill -TERM "$server" 2>/dev/null; rm -rf "$work"' EXIT
. scripts/lib-wrk.sh
for p in src/FleetOps.Web tools/FleetOps.Bench; do dotnet build "$p" -c Release -nologo -v quiet >/dev/null; done
echo "machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet tools/FleetOps.Bench/bin/Release/net10.0/FleetOps.Bench.dll seed --db "$work/bench.db" --terminals "$terminals" \
  --stores $(( (terminals + 49) / 50 )) --transactions 0 --open 0 --keys-file "$work/keys.csv" | head -1
admin() { curl -sf -H "Authorization: Bearer bench-admin-token" -H "Content-Type: application/json" "$@"; }
for mode in none rollout none rollout; do
  rm -f "$work"/run.db*; cp "$work/bench.db" "$work/run.db"
  ( cd "$work" && FleetOps__Demo__Enabled=false Serilog__MinimumLevel__Default=Warning ConnectionStrings__FleetOps="Data Source=$work/run.db" \
    FleetOps__Bootstrap__ApiToken=bench-admin-token \
    FleetOps__RateLimits__TelemetryRequestsPerSecond=100000 FleetOps__RateLimits__TelemetryBurst=100000 \
    exec timeout 900 dotnet "$root/src/FleetOps.Web/bin/Release/net10.0/FleetOps.Web.dll" --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1 ) &
  server=$!
  for _ in $(seq 1 400); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break; sleep 0.25; done
  admin -X PUT "http://127.0.0.1:$port/api/v1/software/targets/PX-100" -d '{"appVersion":"3.2.0","firmwareVersion":"1.8.0"}' >/dev/null
  if [ "$mode" = rollout ]; then
    admin -X POST "http://127.0.0.1:$port/api/v1/software/rollouts" \
      -d '{"model":"PX-100","appVersion":"5.0.0","waves":[{"percent":50},{"percent":100}]}' >/dev/null
    curl -s -H "Authorization: Bearer bench-admin-token" "http://127.0.0.1:$port/api/v1/software/rollouts" | head -c 300; echo
  fi
  read -r rps p99 < <(run_wrk "single$mode" 1)
  echo "RESULT mode=$mode single_event_rps=$rps p99_ms=$p99"
  kill -TERM "$server"; wait "$server" 2>/dev/null || true; server=""
done
