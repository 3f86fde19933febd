#!/usr/bin/env bash
# A start after FleetOps was down (docs/benchmarks.md, issue 9 start-up): starts the server on a copy of a seeded
# database whose terminals were last heard when it was seeded — as after an outage longer than the offline limit —
# with its alerts and recorded runs deleted, so every start sees it as seeded. Prints the time to the first 200 from
# /health/ready, the server's CPU over the 40 s after it, and the alert centre's first log line (alerts opened).
# Usage: BENCH_DB=/path/seed.db scripts/bench-start-after-outage.sh   (a database of scripts/bench-startup.sh)
#   BENCH_SERVER=/path/FleetOps.Web.dll starts another build. Bounded: the server runs at most 120 s, on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${BENCH_DB:?BENCH_DB names a seeded database (scripts/bench-startup.sh keeps one with BENCH_DB)}
dll=${BENCH_SERVER:-$PWD/src/FleetOps.Web/bin/Release/net10.0/FleetOps.Web.dll}
port=${BENCH_PORT:-5198}; work=$(mktemp -d /tmp/fleetops-outage.XXXX)
trap 'pkill -TERM -f "FleetOps.Web.dll --urls http://127.0.0.1:$port" 2>/dev/null || true; rm -rf "$work"' EXIT
cp "$db" "$work/run.db"
python3 - "$work/run.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute('DELETE FROM "Alerts"')
if c.execute("SELECT count(*) FROM sqlite_master WHERE name = 'ListeningRuns'").fetchone()[0]: c.execute('DELETE FROM "ListeningRuns"')
c.commit(); c.execute('PRAGMA wal_checkpoint(TRUNCATE)'); c.close()
PY
( cd "$work" && FleetOps__Demo__Enabled=false ConnectionStrings__FleetOps="Data Source=$work/run.db" \
    exec timeout 120 dotnet "$dll" --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1 ) &
start=$EPOCHREALTIME
for _ in $(seq 1 1200); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break; sleep 0.05; done
ready=$(echo "$EPOCHREALTIME - $start" | bc)
pid=$(pgrep -f "^dotnet $dll --urls http://127.0.0.1:$port")
cpu() { awk '{ print ($14 + $15) / 100 }' "/proc/$pid/stat"; }
before=$(cpu); sleep 40; after=$(cpu)
grep -hE "Alerts: |was last up" "$work/server.log" | sed 's/^/server: /' || true
echo "RESULT ready_s=$ready cpu_40s_after_ready_s=$(echo "$after - $before" | bc)"
