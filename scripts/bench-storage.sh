#!/usr/bin/env bash
# Storage benchmark (docs/benchmarks.md, issue 9): one simulated day — every terminal beats once a minute (1,440
# heartbeats), makes a few sales (authorised, completed, settled) and one in ten loses power once — written through the
# real event writer with explicit event times, then prints the database's growth per terminal and day:
#   RESULT bytes_per_terminal_day=N provider=sqlite ...     (SQLite file after VACUUM: page_count × page_size)
#   RESULT bytes_per_terminal_day=N provider=postgres ...   (only when FLEETOPS_TEST_POSTGRES names a server: the sum of
#                                                            pg_total_relation_size after VACUUM, in a database of its own)
# Usage: scripts/bench-storage.sh [terminals=2000] [sales per terminal-day=5]
# BENCH_PG_TERMINALS overrides the terminal count for PostgreSQL (slower to fill on two cores).
set -euo pipefail
cd "$(dirname "$0")/.."
terminals=${1:-2000}; sales=${2:-5}
work=$(mktemp -d /tmp/fleetops-bench-storage.XXXX)
trap 'rm -rf "$work"' EXIT

echo "machine: $(nproc) cores; $(free -m | awk '/^Mem:/ { print $2 " MiB memory" }'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
flock /tmp/fleetops-build.lock dotnet build tools/FleetOps.Bench -c Release -nologo -v quiet >/dev/null
bench=tools/FleetOps.Bench/bin/Release/net10.0/FleetOps.Bench.dll

dotnet "$bench" storage --db "$work/storage.db" --terminals "$terminals" --sales "$sales"
if command -v sqlite3 >/dev/null 2>&1; then
  # The SQLite bundled with .NET has no dbstat; the command-line one usually does: pages per table, indexes included.
  sqlite3 "$work/storage.db" "SELECT '  ' || coalesce(m.tbl_name, s.name) || ': ' || (SUM(s.pgsize) / $terminals) || ' bytes per terminal-day'
    FROM dbstat s LEFT JOIN sqlite_master m ON m.name = s.name GROUP BY coalesce(m.tbl_name, s.name)
    HAVING SUM(s.pgsize) > 32 * 4096 ORDER BY SUM(s.pgsize) DESC" || true
fi
if [ -n "${FLEETOPS_TEST_POSTGRES:-}" ]; then
  dotnet "$bench" storage --postgres "$FLEETOPS_TEST_POSTGRES" --terminals "${BENCH_PG_TERMINALS:-$terminals}" --sales "$sales"
fi
