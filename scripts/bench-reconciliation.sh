#!/usr/bin/env bash
# Settlement report import benchmark (issue 16, docs/benchmarks.md): seeds N transactions (tools/FleetOps.Bench seed)
# into a new SQLite file, gives the seeded stores and terminals the acquirer's ids, writes a report of N rows in the
# generic format (a credit for every settled sale, the rest credits without a sale), starts FleetOps (Release, no demo)
# on 127.0.0.1, posts the report to POST /api/v1/reconciliation/reports and prints the time from the first byte sent to
# the answer, and the server's resident memory (VmRSS) before, settled after (each after the heap trimmer's collection), at its peak during the import (sampled every 100 ms) and
# after. Meanwhile one seeded terminal posts a heartbeat after another (issue 16: the import must not stall telemetry):
# prints how many answered 200, how many did not, and the slowest answer; and the import's phase lines from the server
# log (loading, matching and writing, committing — on SQLite the commit is the only stretch holding the write lock).
# Bounded: the server runs under a timeout and is stopped at the end.
# Usage: [BENCH_PORT=5164] [BENCH_TIMEOUT=900 (s, the server and the upload)] [BENCH_SEED_CACHE=DIR] [BENCH_BIN=DIR] [BENCH_PERF=FILE]
#        scripts/bench-reconciliation.sh [rows=1000000]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib-proc.sh
rows=${1:-1000000}
port=${BENCH_PORT:-5164}; token=bench-token; root=$PWD
work=$(mktemp -d /tmp/fleetops-bench-recon.XXXX)
server=""; sampler=""; prober=""; profiler=""; perfmap=0; [ -z "${BENCH_PERF:-}" ] || perfmap=1
cleanup() {
  if [ -n "$profiler" ]; then kill -INT "$profiler" 2>/dev/null || true; wait "$profiler" 2>/dev/null || true; fi
  if [ -n "$sampler" ]; then kill "$sampler" 2>/dev/null || true; fi
  if [ -n "$prober" ]; then kill "$prober" 2>/dev/null || true; fi
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "machine: $(nproc) cores; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
# BENCH_BIN=DIR runs the server built in DIR (a copy of another build's bin/Release/net10.0, for A/B pairs) and builds nothing.
bin=${BENCH_BIN:-$root/src/FleetOps.Web/bin/Release/net10.0}
if [ -z "${BENCH_BIN:-}" ]; then
  flock /tmp/fleetops-build.lock dotnet build src/FleetOps.Web -c Release -nologo -v quiet >/dev/null
  flock /tmp/fleetops-build.lock dotnet build tools/FleetOps.Bench -c Release -nologo -v quiet >/dev/null
fi
# BENCH_SEED_CACHE=DIR keeps the seeded database, keys and report in DIR and copies them on later runs (seeding a million
# transactions takes minutes that say nothing about the import; each run still starts from the untouched copy).
cache=${BENCH_SEED_CACHE:-}
if [ -n "$cache" ] && [ -e "$cache/$rows/report.csv" ]; then
  cp "$cache/$rows/bench.db" "$cache/$rows/keys.csv" "$cache/$rows/report.csv" "$cache/$rows/settled" "$work/"
else
  dotnet tools/FleetOps.Bench/bin/Release/net10.0/FleetOps.Bench.dll seed --db "$work/bench.db" --transactions "$rows" --keys-file "$work/keys.csv" >/dev/null

  # The acquirer's ids: 15-digit merchant ids per store, 8-digit terminal ids (PROTOCOL §11, the demo's numbering).
  sqlite3 "$work/bench.db" <<'SQL'
UPDATE Stores SET Acquirer = 'bench', MerchantId = printf('898310040%06d', rowid);
UPDATE Terminals SET AcquirerTerminalId = printf('%08d', 88000000 + rowid);
SQL
  # One credit per settled sale, booked the day after its authorisation, then credits without a sale up to N rows. Only
  # the required columns (the optional merchant id, auth code, masked PAN and fee left out): a million rows then stay
  # under the 50 MB limit.
  {
    echo "date,terminalId,rrn,amountMinor,currency,type"
    sqlite3 -csv "$work/bench.db" "
      SELECT date(t.AuthorizedAtMs / 1000 + 86400, 'unixepoch'), m.AcquirerTerminalId, t.Rrn,
             t.AmountMinor, t.Currency, 'sale'
      FROM Transactions t JOIN Terminals m ON m.TerminalId = t.TerminalId
      WHERE t.LastStage = 'settled' AND t.Rrn IS NOT NULL"
  } >"$work/report.csv"
  settled=$(($(wc -l <"$work/report.csv") - 1))
  last_day=$(tail -1 "$work/report.csv" | cut -d, -f1)
  first_terminal=$(sed -n 2p "$work/report.csv" | cut -d, -f2)
  awk -v n=$((rows - settled)) -v d="$last_day" -v t="$first_terminal" \
    'BEGIN { for (i = 0; i < n; i++) printf "%s,%s,9%011d,1000,EUR,sale\n", d, t, i }' >>"$work/report.csv"
  echo "$settled" >"$work/settled"
  if [ -n "$cache" ]; then mkdir -p "$cache/$rows" && cp "$work/bench.db" "$work/keys.csv" "$work/report.csv" "$work/settled" "$cache/$rows/"; fi
fi
settled=$(cat "$work/settled")
echo "report: $rows rows ($settled credits of settled sales), $(du -m "$work/report.csv" | cut -f1) MiB"

(
  cd "$work"
  FleetOps__Demo__Enabled=false FleetOps__Bootstrap__ApiToken=$token Serilog__MinimumLevel__Default=Warning \
  FleetOps__RateLimits__TelemetryRequestsPerSecond=1000 FleetOps__RateLimits__TelemetryBurst=1000 \
  ConnectionStrings__FleetOps="Data Source=$work/bench.db" \
  exec env "Serilog__MinimumLevel__Override__FleetOps.Web.Reconciliation=Information" \
    "Serilog__MinimumLevel__Override__FleetOps.Web.Background.HeapTrimmer=Information" DOTNET_PerfMapEnabled="$perfmap" timeout "${BENCH_TIMEOUT:-900}" dotnet "$bin/FleetOps.Web.dll" --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1
) &
server=$!
for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null || { echo "server did not start"; tail -20 "$work/server.log"; exit 1; }
pid=$(pgrep -P "$server" -f FleetOps.Web.dll | head -1 || true); pid=${pid:-$server}
rss() { awk '/VmRSS/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }
# Growth is measured from the settled server: loading a million transactions at start-up can leave ~300 MB of garbage
# that the heap trimmer hands back once the server has been quiet for 10 s (FleetOps.Web.Background.HeapTrimmer);
# measured from that unsettled start, the import's growth looked ~170 MB smaller than it is. So the script waits for the
# trimmer's line (at most 60 s; when the start-up's own collections left too little garbage it never comes), and after
# the import it waits for the trimmer once more (at most 60 s): the base is the lower of the RSS before and after.
trims() { grep -c 'Quiet after a burst of work' "$work/server.log" || true; }
for _ in $(seq 1 120); do [ "$(trims)" -gt 0 ] && break; sleep 0.5; done
sleep 5
before=$(rss "$pid")
( peak=0; while kill -0 "$pid" 2>/dev/null; do r=$(rss "$pid"); [ "$r" -gt "$peak" ] && peak=$r && echo "$peak" >"$work/peak"; sleep 0.1; done ) &
sampler=$!

# The telemetry probe: heartbeats of one terminal, one at a time, until the import has answered.
IFS=, read -r probe_terminal probe_key < <(sed -n 2p "$work/keys.csv"); touch "$work/probe.txt"
(
  i=0
  while [ ! -e "$work/answered" ]; do
    i=$((i + 1))
    body="{\"terminalId\":\"$probe_terminal\",\"events\":[{\"id\":\"probe-$i\",\"type\":\"heartbeat\",\"at\":\"$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)\",\"bootId\":\"probe\",\"uptimeSeconds\":$i,\"appVersion\":\"3.2.1\",\"firmwareVersion\":\"1.8.0\",\"powerSource\":\"mains\",\"batteryPercent\":95,\"pendingReversals\":0,\"openBatchCount\":0,\"openBatchAmountMinor\":0,\"currency\":\"CNY\"}]}"
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --max-time 30 -H "Authorization: Bearer $probe_key" -H 'Content-Type: application/json' \
      --data "$body" "http://127.0.0.1:$port/api/v1/telemetry" >>"$work/probe.txt" || echo "000 30" >>"$work/probe.txt"
    sleep 0.2
  done
) &
prober=$!

# BENCH_PERF=FILE: a CPU profile of the server during the import (perf record, 99 Hz with call graphs; the server runs
# with DOTNET_PerfMapEnabled=1 so that perf report names the JIT's frames). Bounded by the upload's own timeout.
if [ -n "${BENCH_PERF:-}" ]; then
  timeout -s INT "${BENCH_TIMEOUT:-900}" perf record -q -F 99 -g -p "$pid" -o "$BENCH_PERF" >/dev/null 2>&1 &
  profiler=$!
fi

# The server's CPU time during the import (lib-proc.sh).
cpu_before=$(cpu_ms "$pid")
started=$EPOCHREALTIME
status=$(curl -s -o "$work/answer.json" -w '%{http_code}' --max-time "${BENCH_TIMEOUT:-900}" -H "Authorization: Bearer $token" \
  -F acquirer=bench -F "file=@$work/report.csv;type=text/csv" "http://127.0.0.1:$port/api/v1/reconciliation/reports")
ended=$EPOCHREALTIME
cpu_after=$(cpu_ms "$pid")
touch "$work/answered"; wait "$prober" 2>/dev/null || true
if [ -n "$profiler" ]; then kill -INT "$profiler" 2>/dev/null || true; wait "$profiler" 2>/dev/null || true; profiler=""; fi
after=$(rss "$pid"); peak=$(cat "$work/peak" 2>/dev/null || echo "$after")
[ "$status" = 201 ] || { echo "import answered $status:"; head -c 2000 "$work/answer.json"; echo
  echo "server log (errors):"; grep -n -A12 -E '\[(ERR|FTL)\]|Exception' "$work/server.log" | head -60; exit 1; }
trimmed=$(trims); for _ in $(seq 1 120); do [ "$(trims)" -gt "$trimmed" ] && break; sleep 0.5; done; sleep 2
settled_rss=$(rss "$pid"); base=$((settled_rss < before ? settled_rss : before))
echo "answer: $(head -c 300 "$work/answer.json")"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
awk '{ n++; if ($1 == 200) ok++; else bad++; if ($2 > worst) worst = $2 }
  END { printf "telemetry during the import: %d heartbeats, %d answered 200, %d did not, slowest %.2f s\n", n, ok, bad, worst }' "$work/probe.txt"
grep -o 'Settlement report [^"]*\(checked\|written\)[^"]*' "$work/server.log" | sed 's/^/server: /' || true
awk -v a="$started" -v b="$ended" -v n="$rows" -v r0="$before" -v rs="$settled_rss" -v rb="$base" -v rp="$peak" -v r1="$after" \
  -v c0="$cpu_before" -v c1="$cpu_after" \
  'BEGIN { printf "RESULT report_rows=%d seconds=%.1f server_cpu_seconds=%.1f rss_before_mb=%d rss_settled_after_mb=%d rss_peak_growth_mb=%d rss_after_growth_mb=%d\n", n, b - a, (c1 - c0) / 1000, r0 / 1024, rs / 1024, (rp - rb) / 1024, (r1 - rb) / 1024 }'
