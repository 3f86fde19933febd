# Sourced by the wrk benchmarks (bench-ingest-wrk.sh, bench-alerts.sh). Expects: $work (a scratch directory holding
# keys.csv), $port, $threads, $connections, $seconds; BOOT_ID may be exported (the seeded boot id).
# run_wrk LABEL EVENTS_PER_REQUEST — 0 events: GET /health/live. Prints "requests_per_second p99_ms"; each run lasts
# $seconds and posts heartbeats for the terminals of keys.csv in turn (scripts/wrk-telemetry.lua).
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; } >/dev/null 2>&1
run_wrk() {
  local out="$work/wrk-$1.txt"
  if [ "$2" = 0 ]; then
    wrk -t$threads -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:$port/health/live" >"$out"
  else
    KEYS_FILE="$work/keys.csv" EVENTS_PER_REQUEST=$2 RUN_LETTERS="$1" WRK_THREADS=$threads \
      wrk -t$threads -c"$connections" -d"${seconds}s" --latency -s scripts/wrk-telemetry.lua "http://127.0.0.1:$port" >"$out"
  fi
  grep -q "Non-2xx" "$out" && { echo "$1: $(grep Non-2xx "$out")" >&2; }
  local rps p99
  rps=$(awk '/^Requests\/sec/ { printf "%d", $2 }' "$out")
  p99=$(awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 } printf "%.1f", v }' "$out")
  echo "$rps $p99"
}
# warm_up LABEL EVENTS_PER_REQUEST — an unmeasured run of the load for BENCH_WARMUP seconds (default 20; 0: none), meant
# right before that load's measured run: the JIT still compiles ~20 s into a load (dotnet-counters), and a warm-up of
# another load first would leave its rows behind (bench-postgres-ingest.sh says how that skewed the single-event run).
warm_up() {
  [ "${BENCH_WARMUP:-20}" -gt 0 ] || return 0
  local seconds=${BENCH_WARMUP:-20}
  run_wrk "warm$1" "$2" >/dev/null
}
