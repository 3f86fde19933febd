#!/usr/bin/env bash
# The alert centre at fleet scale (issue 12, docs/benchmarks.md): T terminals, the first O of them last heard an hour
# ago, so the alert centre holds O active offline alerts (10,000 by default).
#   1. Ingest with wrk — single-heartbeat and 500-heartbeat requests from the T − O live terminals — on a server with
#      the alert centre off (FleetOps:Alerts:Enabled=false), then on one with it on (evaluating every 5 s), each on its
#      own copy of the same seeded database, back to back on this machine. Goal: "on" within 10 % of "off".
#   2. The alerts page's first render in Debian's Chromium (administrator, V visits, in-circuit navigation from a light
#      page), on the "on" server after its ingest runs. Goal: p99 ≤ 200 ms. The first visit of each view after the
#      server's start (JIT, caches: once per process, not per user) is printed on its own and not in the figure, and so
#      are the next BENCH_PAGE_WARMUP visits (300): on 2 cores the JIT's tiering of a fresh server's code takes a core for
#      minutes, which a server that has been running does not pay (docs/benchmarks.md, issue 12). BENCH_PAGE_WARMUP=0
#      measures from the start.
# Bounded: wrk runs last S seconds each, the page probe V visits of at most 10 s; servers listen on 127.0.0.1 and stop at the end.
# Usage: scripts/bench-alerts.sh [terminals=100000] [offline=10000] [seconds=20] [visits=100] [connections=64]
# BENCH_PORT: the servers' port (5164). WEB_BIN: the server build to run (this tree's Release build) — for an A/B pair,
# copy another commit's src/FleetOps.Web/bin/Release/net10.0 aside and run once with WEB_BIN pointing there.
set -euo pipefail
cd "$(dirname "$0")/.."
terminals=${1:-100000}; offline=${2:-10000}; seconds=${3:-20}; visits=${4:-100}; connections=${5:-64}; threads=2
warmup=${BENCH_PAGE_WARMUP:-300}
root=$PWD; web_bin=${WEB_BIN:-$root/src/FleetOps.Web/bin/Release/net10.0}; work=$(mktemp -d /tmp/fleetops-alerts.XXXX); port=${BENCH_PORT:-5164}
token=bench-token; email=bench.admin@example.com; password=Bench-admin-2026
export BOOT_ID=benchboot
trap 'pkill -TERM -f "FleetOps.Web.dll --urls http://127.0.0.1:$port" 2>/dev/null || true; rm -rf "$work"' EXIT
. scripts/lib-wrk.sh
[ -x /usr/bin/chromium ] || { apt-get update -qq && apt-get install -y -qq chromium; } >/dev/null 2>&1
for p in src/FleetOps.Web tools/FleetOps.Bench tools/FleetOps.LiveBench; do dotnet build "$p" -c Release -nologo -v quiet >/dev/null; done
echo "server: $web_bin"
echo "machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine lowers every figure)"
dotnet tools/FleetOps.Bench/bin/Release/net10.0/FleetOps.Bench.dll seed --db "$work/seed.db" --terminals "$terminals" \
  --stores $(( (terminals + 49) / 50 )) --transactions 0 --open 0 --offline "$offline" --boot-id "$BOOT_ID" \
  --keys-file "$work/all-keys.csv" | head -1
# Only the live terminals send: the quiet ones stay offline, so their alerts stay active.
awk -F, -v n="$offline" 'NR == 1 || substr($1, 3) + 0 > n' "$work/all-keys.csv" >"$work/keys.csv"

start_server() { # $1: alert centre on (true) or off (false)
  cp "$work/seed.db" "$work/run.db"; rm -f "$work/run.db-wal" "$work/run.db-shm"
  ( cd "$work" && FleetOps__Demo__Enabled=false Serilog__MinimumLevel__Default=Warning ConnectionStrings__FleetOps="Data Source=$work/run.db" \
    FleetOps__Alerts__Enabled=$1 FleetOps__Bootstrap__ApiToken=$token \
    FleetOps__Bootstrap__AdminEmail=$email FleetOps__Bootstrap__AdminPassword=$password \
    FleetOps__Detection__OfflineAfterSeconds=900 \
    FleetOps__RateLimits__TelemetryRequestsPerSecond=100000 FleetOps__RateLimits__TelemetryBurst=100000 \
    exec env Serilog__MinimumLevel__Override__FleetOps.Web.Components.Alerts.AlertsPage=Debug timeout 900 dotnet "$web_bin/FleetOps.Web.dll" --urls "http://127.0.0.1:$port" >>"$work/server.log" 2>&1 ) &
  for _ in $(seq 1 400); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && return 0; sleep 0.25; done
  echo "server did not start"; tail -20 "$work/server.log"; exit 1
}
stop_server() { pkill -TERM -f "FleetOps.Web.dll --urls http://127.0.0.1:$port" || true; while pgrep -f "FleetOps.Web.dll --urls http://127.0.0.1:$port" >/dev/null; do sleep 0.2; done; }
active_alerts() { curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/alerts?pageSize=1" | sed -E 's/.*"total":([0-9]+).*/\1/'; }

declare -A single batch
for mode in false true; do
  start_server $mode
  if [ $mode = true ]; then
    for _ in $(seq 1 240); do [ "$(active_alerts)" -ge "$offline" ] && break; sleep 0.5; done
  fi
  echo "alert centre $([ $mode = true ] && echo on || echo off): $(active_alerts) active alerts"
  read -r single[$mode] p99 < <(run_wrk "single${mode}" 1)
  echo "  1 heartbeat per request:    ${single[$mode]} requests/s, p99 $p99 ms"
  read -r batch[$mode] p99 < <(run_wrk "batch${mode}" 500)
  echo "  500 heartbeats per request: $((batch[$mode] * 500)) events/s, p99 $p99 ms"
  echo "  active alerts after the load: $(active_alerts)"
  if [ $mode = true ]; then
    timeout 600 dotnet tools/FleetOps.LiveBench/bin/Release/net10.0/FleetOps.LiveBench.dll alerts-page \
      --url "http://127.0.0.1:$port" --email $email --password $password --visits "$visits" --warmup "$warmup" | tee "$work/probe.txt"
    # The server's account of the slowest visits (one Debug line per visit, in visit order): model, collector, CPU.
    # The probe's two first visits (cold: the JIT, caches) and its warm-up come first in the server's log and are not in the figure.
    { grep "Alerts page visit" "$work/server.log" || true; } | tail -n +$((3 + warmup)) >"$work/visits.txt"
    sed -nE 's/^slow visit ([0-9]+) .*/\1/p' "$work/probe.txt" | while read -r n; do
      echo "  server, visit $n: $(sed -n "${n}p" "$work/visits.txt" | sed -E 's/.*Alerts page visit: //')"
    done
    awk '{ for (i = 1; i <= NF; i++) if ($i == "after") { v = $(i + 1); sub(/,/, "", v); print v; next } }' "$work/visits.txt" | sort -n |
      awk 'function at(q,  i) { i = int(NR * q) + 1; return i > NR ? NR : i } { a[NR] = $1 } END { if (NR) printf "  server, browser acknowledged: p50 %.0f, p90 %.0f, p99 %.0f, max %.0f ms (%d visits)\n", a[at(0.5)], a[at(0.9)], a[at(0.99)], a[NR], NR }'
  fi
  stop_server
done
awk -v s0="${single[false]}" -v s1="${single[true]}" -v b0="${batch[false]}" -v b1="${batch[true]}" 'BEGIN {
  printf "RESULT single_on_to_off=%.2f batch_on_to_off=%.2f\n", s1 / s0, b1 / b0 }'
