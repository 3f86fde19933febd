#!/usr/bin/env bash
# PostgreSQL ingest against SQLite's in the same run (issue 17 "Benchmark", docs/benchmarks.md): the same wrk load —
# single-heartbeat requests, then 500-heartbeat requests — against one server on a fresh SQLite file and then one on a
# fresh PostgreSQL database (FLEETOPS_TEST_POSTGRES's server; the database is created and dropped here), each seeded
# with the same terminals by the benchmark seeder. Prints both rates and the goals' figures:
#   RESULT postgres_to_sqlite_single=… (goal ≥ 0.8) postgres_batch_events_per_sec=… (goal ≥ 100,000)
# Bounded: each wrk run lasts S seconds; each server listens on 127.0.0.1 and is stopped by its pid.
# Usage: FLEETOPS_TEST_POSTGRES=… scripts/bench-postgres-ingest.sh [terminals=2000] [seconds=15] [connections=10]
#   BENCH_PROVIDERS="postgres" runs one provider only (its figures, no ratio).
#   BENCH_ROUNDS=N (default 1) runs SQLite then PostgreSQL N times in turn and gives the median of the rounds' ratios:
#   SQLite's half alone moved 5,200–7,500 events/s for one build within half an hour, so one pair decides little.
#   BENCH_SERVER=/path/FleetOps.Web.dll starts another build (e.g. main's, for an A/B) instead of this checkout's.
#   BENCH_NO_BUILD=1 uses the Release binaries as they are (a shared machine's build lock can be held for long).
#   BENCH_WARMUP=S (default 20): an unmeasured run of S seconds of each load right before it. Without it the run measures
#   the JIT: 30 % of the server's CPU in a 20 s PostgreSQL run at load average 60 was libclrjit still compiling (perf), and
#   on a quiet VM the runtime's counters still showed 2.5 s of JIT time in the first 4 s after a 6 s warm-up, tapering to
#   nothing only ~20 s into the load (dotnet-counters, dotnet.jit.compilation.time).
# Per run it also prints what survives a loaded machine better than rates: the server's CPU per request and, on
# PostgreSQL, the database's side — commits (so requests per group commit), its backends' CPU per request, and the WAL
# written per commit (pg_stat_wal is the whole server's: another user of it at the same time inflates those two).
set -euo pipefail
cd "$(dirname "$0")/.."
terminals=${1:-2000}; seconds=${2:-15}; connections=${3:-10}; threads=2
providers=${BENCH_PROVIDERS:-sqlite postgres}
root=$PWD; port=${BENCH_PORT:-5163}
server_dll=${BENCH_SERVER:-$root/src/FleetOps.Web/bin/Release/net10.0/FleetOps.Web.dll}
bench="$root/tools/FleetOps.Bench/bin/Release/net10.0/FleetOps.Bench.dll"
pg_database="fleetops_bench_ingest_$$"
. scripts/lib-postgres.sh
. scripts/lib-proc.sh
work=""; server=""
stop_server() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then kill -TERM "$server" 2>/dev/null || true; wait "$server" || true; fi
  server=""
}
cleanup() {
  stop_server
  psql -d postgres -qc "DROP DATABASE IF EXISTS $pg_database WITH (FORCE)" >/dev/null 2>&1 || true
  [ -z "$work" ] || rm -rf "$work"
}
trap cleanup EXIT
work=$(mktemp -d /tmp/fleetops-pgwrk.XXXX)
. scripts/lib-wrk.sh
build() { flock /tmp/fleetops-build.lock dotnet build "$1" -c Release -nologo -v quiet >/dev/null; }
if [ -z "${BENCH_NO_BUILD:-}" ]; then
  [ -n "${BENCH_SERVER:-}" ] || build src/FleetOps.Web
  build tools/FleetOps.Bench
fi
echo "machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine lowers every figure)"
echo "server: $server_dll; $terminals terminals, $connections connections, $seconds s per run"

# The database's counters: commits of the benchmark's database, its backends' CPU, WAL records/full pages/bytes/syncs.
pg_counters() {
  local commits backends cpu=0 pid
  commits=$(psql -d postgres -Atc "SELECT xact_commit FROM pg_stat_database WHERE datname = '$pg_database'")
  backends=$(psql -d postgres -Atc "SELECT pid FROM pg_stat_activity WHERE datname = '$pg_database'")
  for pid in $backends; do cpu=$((cpu + $(cpu_ms "$pid"))); done
  echo "$commits $cpu $(psql -d postgres -AtF' ' -c 'SELECT wal_records, wal_fpi, wal_bytes, wal_sync FROM pg_stat_wal')"
}
# measured LABEL EVENTS_PER_REQUEST — run_wrk's "rate p99", and the run's costs per request / per commit in $work/costs.
measured() {
  local cpu_before=$(cpu_ms "$dotnet_pid") pg_before="" pg_after="" rate p99
  [ "$provider" != postgres ] || pg_before=$(pg_counters)
  read -r rate p99 < <(run_wrk "$1" "$2")
  [ "$provider" != postgres ] || pg_after=$(pg_counters)
  local requests=$(awk '/requests in/ { print $1 }' "$work/wrk-$1.txt")
  awk -v cpu=$(( $(cpu_ms "$dotnet_pid") - cpu_before )) -v n="$requests" -v b="$pg_before" -v a="$pg_after" 'BEGIN {
    printf "server CPU %.3f ms/request", cpu / n
    if (b != "") {
      split(b, x, " "); split(a, y, " "); c = y[1] - x[1]; if (c < 1) c = 1
      printf "; %d commits = %.1f requests/commit; database CPU %.3f ms/request; WAL per commit: %.1f records, %.2f full pages, %d bytes, %.2f syncs",
        c, n / c, (y[2] - x[2]) / n, (y[3] - x[3]) / c, (y[4] - x[4]) / c, (y[5] - x[5]) / c, (y[6] - x[6]) / c
    }
  }' >"$work/costs"
  echo "$rate $p99"
}

declare -A single batch
single_ratios=(); batch_ratios=(); batch_rates=()
for round in $(seq 1 "${BENCH_ROUNDS:-1}"); do
  [ "${BENCH_ROUNDS:-1}" = 1 ] || echo "round $round"
  for provider in $providers; do
    rm -f "$work"/bench.db* "$work/keys.csv"
    if [ "$provider" = postgres ]; then
      psql -d postgres -qc "DROP DATABASE IF EXISTS $pg_database WITH (FORCE)" -c "CREATE DATABASE $pg_database" >/dev/null
      connection="$pg_server;Database=$pg_database"
      dotnet "$bench" seed --postgres "$connection" --terminals "$terminals" --stores $(( (terminals + 49) / 50 )) \
        --transactions 0 --open 0 --keys-file "$work/keys.csv" | head -1
      setting=Postgres
    else
      connection="Data Source=$work/bench.db"
      dotnet "$bench" seed --db "$work/bench.db" --terminals "$terminals" --stores $(( (terminals + 49) / 50 )) \
        --transactions 0 --open 0 --keys-file "$work/keys.csv" | head -1
      setting=Sqlite
    fi
    ( cd "$work" && FleetOps__Demo__Enabled=false Serilog__MinimumLevel__Default=Warning FleetOps__Database__Provider=$setting \
      ConnectionStrings__FleetOps="$connection" \
      FleetOps__RateLimits__TelemetryRequestsPerSecond=100000 FleetOps__RateLimits__TelemetryBurst=100000 \
      exec timeout 900 dotnet "$server_dll" --urls "http://127.0.0.1:$port" >"$work/server-$provider.log" 2>&1 ) &
    server=$!
    for _ in $(seq 1 400); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break; sleep 0.25; done
    dotnet_pid=$(pgrep -P "$server" || echo "$server")
    # Each load warmed right before its own run (lib-wrk.sh). The batch warm-up comes after the single-event run on purpose:
    # it puts ~500 heartbeat ids into every terminal's hour row (2,000 terminals, ~1,000,000 heartbeats in 5 s), and the
    # single-event run would then measure rewriting rows eight times a real hour's (a terminal beats about once a minute)
    # — on PostgreSQL a TOASTed id list of ~4 kB per heartbeat.
    warm_up "single$provider" 1
    read -r rate p99 < <(measured "single$provider" 1)
    single[$provider]=$rate
    echo "$provider, 1 heartbeat per request:    $rate events/s, p99 $p99 ms; $(cat "$work/costs")"
    warm_up "batch$provider" 500
    read -r rate p99 < <(measured "batch$provider" 500)
    batch[$provider]=$((rate * 500))
    echo "$provider, 500 heartbeats per request: $rate requests/s = ${batch[$provider]} events/s, p99 $p99 ms; $(cat "$work/costs")"
    stop_server
    [ "$provider" != postgres ] || psql -d postgres -qc "DROP DATABASE IF EXISTS $pg_database WITH (FORCE)" >/dev/null
  done
  if [ -n "${single[sqlite]:-}" ] && [ -n "${single[postgres]:-}" ]; then
    single_ratios+=("$(awk -v p="${single[postgres]}" -v s="${single[sqlite]}" 'BEGIN { printf "%.2f", p / s }')")
    batch_ratios+=("$(awk -v p="${batch[postgres]}" -v s="${batch[sqlite]}" 'BEGIN { printf "%.2f", p / s }')")
    batch_rates+=("${batch[postgres]}")
  fi
done
# The median of the rounds (the lower middle one for an even count).
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
if [ ${#single_ratios[@]} -gt 0 ]; then
  echo "RESULT postgres_to_sqlite_single=$(median "${single_ratios[@]}") (goal >= 0.80)" \
    "postgres_batch_events_per_sec=$(median "${batch_rates[@]}") (goal >= 100000)" \
    "postgres_to_sqlite_batch=$(median "${batch_ratios[@]}") rounds=${#single_ratios[@]} single_ratios=$(IFS=,; echo "${single_ratios[*]}")"
fi
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
