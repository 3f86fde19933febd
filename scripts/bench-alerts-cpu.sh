#!/usr/bin/env bash
# What the alert centre costs an idle server (issue 12, docs/benchmarks.md "Alert centre at fleet scale"): T terminals,
# the first O last heard an hour ago (O active offline alerts). Starts two servers at once on copies of one seeded database —
# A (WEB_BIN_A, e.g. main's bin folder copied aside) and B (WEB_BIN_B, default this tree's Release build), both with the
# alert centre on (evaluating every 5 s) — waits until both hold the O alerts, then reads each one's CPU time
# (/proc/PID/stat, user + system) over S seconds with no traffic. CPU time, unlike page timings, barely depends on what
# else the machine runs, and both are measured over the same seconds. Then a server with the alert centre off gives the
# floor. Bounded: S seconds each, servers on 127.0.0.1, stopped at the end.
# Usage: WEB_BIN_A=/tmp/main-bin scripts/bench-alerts-cpu.sh [terminals=100000] [offline=10000] [seconds=60]
# BENCH_PORT: the first of three ports (5164, 5165, 5166).
set -euo pipefail
cd "$(dirname "$0")/.."
terminals=${1:-100000}; offline=${2:-10000}; seconds=${3:-60}
root=$PWD; work=$(mktemp -d /tmp/fleetops-alerts-cpu.XXXX); port=${BENCH_PORT:-5164}
bin_b=${WEB_BIN_B:-$root/src/FleetOps.Web/bin/Release/net10.0}; bin_a=${WEB_BIN_A:-$bin_b}
token=bench-token
pids=()
trap 'for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
for p in src/FleetOps.Web tools/FleetOps.Bench; do dotnet build "$p" -c Release -nologo -v quiet >/dev/null; done
echo "machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg) (CPU time below, per second of wall time)"
dotnet tools/FleetOps.Bench/bin/Release/net10.0/FleetOps.Bench.dll seed --db "$work/seed.db" --terminals "$terminals" \
  --stores $(( (terminals + 49) / 50 )) --transactions 0 --open 0 --offline "$offline" --boot-id benchboot \
  --keys-file "$work/keys.csv" | head -1

start() { # $1 name, $2 bin folder, $3 port, $4 alert centre on
  cp "$work/seed.db" "$work/$1.db"
  ( cd "$work" && FleetOps__Demo__Enabled=false Serilog__MinimumLevel__Default=Warning ConnectionStrings__FleetOps="Data Source=$work/$1.db" \
    FleetOps__Alerts__Enabled=$4 FleetOps__Bootstrap__ApiToken=$token FleetOps__Detection__OfflineAfterSeconds=900 \
    exec timeout 900 dotnet "$2/FleetOps.Web.dll" --urls "http://127.0.0.1:$3" >>"$work/$1.log" 2>&1 ) &
  pids+=($!)
}
ready() { for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$1/health/ready" >/dev/null 2>&1 && return 0; sleep 0.25; done; echo "server on $1 did not start"; exit 1; }
active() { curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$1/api/v1/alerts?pageSize=1" | sed -E 's/.*"total":([0-9]+).*/\1/'; }
server_pid() { pgrep -f "^dotnet .*FleetOps.Web.dll --urls http://127.0.0.1:$1\$" | head -1; }
. scripts/lib-proc.sh
measure() { # ports…: prints "port ms-per-second" for each, over the same $seconds
  local -A before pid
  for p in "$@"; do pid[$p]=$(server_pid "$p"); before[$p]=$(cpu_ms "${pid[$p]}"); done
  sleep "$seconds"
  for p in "$@"; do echo "$p $(( ($(cpu_ms "${pid[$p]}") - ${before[$p]}) / seconds ))"; done
}

start a "$bin_a" "$port" true
start b "$bin_b" $((port + 1)) true
ready "$port"; ready $((port + 1))
for p in "$port" $((port + 1)); do for _ in $(seq 1 240); do [ "$(active "$p")" -ge "$offline" ] && break; sleep 0.5; done; done
echo "A ($bin_a): $(active "$port") active alerts; B ($bin_b): $(active $((port + 1))) active alerts"
sleep 10 # the start-up's collection and first evaluations are over
while read -r p ms; do
  [ "$p" = "$port" ] && echo "RESULT A alert_centre_on_cpu_ms_per_s=$ms" || echo "RESULT B alert_centre_on_cpu_ms_per_s=$ms"
done < <(measure "$port" $((port + 1)))
for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
while pgrep -f "FleetOps.Web.dll --urls http://127.0.0.1:($port|$((port + 1)))\$" >/dev/null; do sleep 0.2; done
start off "$bin_b" $((port + 2)) false
ready $((port + 2)); sleep 10
read -r _ ms < <(measure $((port + 2)))
echo "RESULT alert_centre_off_cpu_ms_per_s=$ms"
