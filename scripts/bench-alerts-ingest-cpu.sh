#!/usr/bin/env bash
# What the alert centre adds to ingest (issue 12, docs/benchmarks.md "Alert centre at fleet scale"), as CPU time per
# 100,000 events rather than requests per second: T terminals, the first O last heard an hour ago (O active offline
# alerts). Starts two servers at once on copies of one seeded database — OFF (FleetOps:Alerts:Enabled=false) and ON
# (evaluating every 5 s) — waits until ON holds the O alerts, then posts heartbeats to both at the same time with two wrk
# runs of S seconds (E heartbeats per request, from the T − O live terminals), R rounds. Each server's CPU time
# (/proc/PID/stat, user + system) over the round is divided by the events it took: both servers meet the same machine
# load in the same seconds, so the ratio survives other work on the machine where requests per second do not.
# Bounded: R × S seconds of load, servers on 127.0.0.1 and stopped (by their process ids) at the end.
# Usage: scripts/bench-alerts-ingest-cpu.sh [terminals=100000] [offline=10000] [seconds=30] [events=1] [rounds=3] [connections=32]
# BENCH_PORT: the first of two ports (5164, 5165). WEB_BIN_OFF / WEB_BIN_ON: the builds (default this tree's Release build).
set -euo pipefail
cd "$(dirname "$0")/.."
terminals=${1:-100000}; offline=${2:-10000}; seconds=${3:-30}; per_request=${4:-1}; rounds=${5:-3}; connections=${6:-32}
root=$PWD; work=$(mktemp -d /tmp/fleetops-alerts-ingest.XXXX); port=${BENCH_PORT:-5164}
bin_on=${WEB_BIN_ON:-$root/src/FleetOps.Web/bin/Release/net10.0}; bin_off=${WEB_BIN_OFF:-$bin_on}
token=bench-token
export BOOT_ID=benchboot
pids=()
trap 'for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; } >/dev/null 2>&1
for p in src/FleetOps.Web tools/FleetOps.Bench; do dotnet build "$p" -c Release -nologo -v quiet >/dev/null; done
echo "machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet tools/FleetOps.Bench/bin/Release/net10.0/FleetOps.Bench.dll seed --db "$work/seed.db" --terminals "$terminals" \
  --stores $(( (terminals + 49) / 50 )) --transactions 0 --open 0 --offline "$offline" --boot-id "$BOOT_ID" \
  --keys-file "$work/all-keys.csv" | head -1
# Only the live terminals send: the quiet ones stay offline, so their alerts stay active.
awk -F, -v n="$offline" 'NR == 1 || substr($1, 3) + 0 > n' "$work/all-keys.csv" >"$work/keys.csv"

start() { # $1 name, $2 bin folder, $3 port, $4 alert centre on
  cp "$work/seed.db" "$work/$1.db"
  ( cd "$work" && FleetOps__Demo__Enabled=false Serilog__MinimumLevel__Default=Warning ConnectionStrings__FleetOps="Data Source=$work/$1.db" \
    FleetOps__Alerts__Enabled=$4 FleetOps__Bootstrap__ApiToken=$token FleetOps__Detection__OfflineAfterSeconds=900 \
    FleetOps__RateLimits__TelemetryRequestsPerSecond=100000 FleetOps__RateLimits__TelemetryBurst=100000 \
    exec timeout 1800 dotnet "$2/FleetOps.Web.dll" --urls "http://127.0.0.1:$3" >>"$work/$1.log" 2>&1 ) &
  pids+=($!)
}
ready() { for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$1/health/ready" >/dev/null 2>&1 && return 0; sleep 0.25; done; echo "server on $1 did not start"; exit 1; }
active() { curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$1/api/v1/alerts?pageSize=1" | sed -E 's/.*"total":([0-9]+).*/\1/'; }
server_pid() { pgrep -f "^dotnet .*FleetOps.Web.dll --urls http://127.0.0.1:$1\$" | head -1; }
. scripts/lib-proc.sh
load() { # $1 port, $2 run letters: one wrk run; prints the events the server accepted (2xx requests × events per request)
  local out="$work/wrk-$2.txt"
  KEYS_FILE="$work/keys.csv" EVENTS_PER_REQUEST=$per_request RUN_LETTERS="$2" WRK_THREADS=1 \
    wrk -t1 -c"$connections" -d"${seconds}s" -s scripts/wrk-telemetry.lua "http://127.0.0.1:$1" >"$out"
  awk -v e="$per_request" '/requests in/ { n = $1 } /Non-2xx/ { bad = $NF } END { printf "%d", (n - bad) * e }' "$out"
}

start off "$bin_off" "$port" false
start on "$bin_on" $((port + 1)) true
ready "$port"; ready $((port + 1))
for _ in $(seq 1 240); do [ "$(active $((port + 1)))" -ge "$offline" ] && break; sleep 0.5; done
echo "OFF ($bin_off): $(active "$port") active alerts; ON ($bin_on): $(active $((port + 1))) active alerts"
sleep 10 # the start-up's collection and the first evaluation's writes are over
pid_off=$(server_pid "$port"); pid_on=$(server_pid $((port + 1)))
letters=(a b c d e f g h i j k l m n o p q r s t u v w x y z)
total_off=0; total_on=0; events_off=0; events_on=0
for r in $(seq 1 "$rounds"); do
  before_off=$(cpu_ms "$pid_off"); before_on=$(cpu_ms "$pid_on")
  load "$port" "x${letters[r % 26]}off" >"$work/events-off" & w1=$!
  load $((port + 1)) "x${letters[r % 26]}on" >"$work/events-on" & w2=$!
  wait "$w1" "$w2"
  cpu_off=$(( $(cpu_ms "$pid_off") - before_off )); cpu_on=$(( $(cpu_ms "$pid_on") - before_on ))
  e_off=$(cat "$work/events-off"); e_on=$(cat "$work/events-on")
  awk -v r="$r" -v co="$cpu_off" -v cn="$cpu_on" -v eo="$e_off" -v en="$e_on" -v s="$seconds" 'BEGIN {
    printf "round %d: off %d events (%d/s), %.0f ms CPU per 100,000; on %d events (%d/s), %.0f ms CPU per 100,000; on ÷ off %.3f\n",
      r, eo, eo / s, co * 100000 / eo, en, en / s, cn * 100000 / en, (cn / en) / (co / eo) }'
  total_off=$((total_off + cpu_off)); total_on=$((total_on + cpu_on)); events_off=$((events_off + e_off)); events_on=$((events_on + e_on))
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v co="$total_off" -v cn="$total_on" -v eo="$events_off" -v en="$events_on" 'BEGIN {
  printf "RESULT cpu_ms_per_100k_events off=%.0f on=%.0f on_to_off=%.3f\n", co * 100000 / eo, cn * 100000 / en, (cn / en) / (co / eo) }'
