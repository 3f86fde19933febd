#!/usr/bin/env bash
# Ingest on one node and on two (issue 17 item 8, docs/scaling.md): the same wrk load — single-heartbeat requests, then
# 500-heartbeat requests — first against one node on its own (no fan-out: what a one-node site runs), then through the
# balancer (tools/FleetOps.Balancer) against two nodes of a cluster (fan-out on: each commit is announced to the other node,
# which applies it to its own memory; leadership elected). Each configuration gets a fresh PostgreSQL database seeded
# with the same terminals. Prints per run the rate, p99, and the CPU per request of each process on the path — every
# node, the balancer, PostgreSQL's backends — so the figures say where two nodes spend what one does not.
#   RESULT one_node_single=… two_nodes_single=… one_node_batch_events=… two_nodes_batch_events=…
# Bounded: each wrk run lasts S seconds; every process listens on 127.0.0.1 and is stopped by its pid; the databases are
# dropped at the end.
# Usage: FLEETOPS_TEST_POSTGRES=… scripts/bench-cluster-ingest.sh [terminals=2000] [seconds=15] [connections=10]
#   BENCH_NO_BUILD=1 uses the Release binaries as they are; BENCH_SERVER=/path/FleetOps.Web.dll runs another build (an
#   A/B); BENCH_CONFIGS=two runs one configuration only; BENCH_WARMUP=S (default 20) as in bench-postgres-ingest.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
terminals=${1:-2000}; seconds=${2:-15}; connections=${3:-10}; threads=2
root=$PWD; base_port=${BENCH_PORT:-5171}
web=${BENCH_SERVER:-$root/src/FleetOps.Web/bin/Release/net10.0/FleetOps.Web.dll}
bench="$root/tools/FleetOps.Bench/bin/Release/net10.0/FleetOps.Bench.dll"
balancer="$root/tools/FleetOps.Balancer/bin/Release/net10.0/FleetOps.Balancer.dll"
pg_database="fleetops_bench_cluster_$$"
. scripts/lib-postgres.sh
. scripts/lib-proc.sh
work=""; started=()
stop_all() {
  local p
  for p in "${started[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${started[@]}"; do wait "$p" 2>/dev/null || true; done
  started=()
}
cleanup() {
  stop_all
  psql -d postgres -qc "DROP DATABASE IF EXISTS $pg_database WITH (FORCE)" >/dev/null 2>&1 || true
  [ -z "$work" ] || rm -rf "$work"
}
trap cleanup EXIT
work=$(mktemp -d /tmp/fleetops-cluster-ingest.XXXX)
. scripts/lib-wrk.sh
if [ -z "${BENCH_NO_BUILD:-}" ]; then
  for project in src/FleetOps.Web tools/FleetOps.Bench tools/FleetOps.Balancer; do
    flock /tmp/fleetops-build.lock dotnet build "$project" -c Release -nologo -v quiet >/dev/null
  done
fi
echo "machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine lowers every figure)"
echo "$terminals terminals, $connections connections, $seconds s per run"

wait_ready() { # PORT NAME
  for _ in $(seq 1 400); do curl -sf "http://127.0.0.1:$1/health/ready" >/dev/null 2>&1 && return 0; sleep 0.25; done
  echo "$2 on port $1 did not start" >&2; tail -20 "$work"/*.log >&2; exit 1
}
start_node() { # PORT CLUSTER(true|false)
  ( cd "$work" && FleetOps__Demo__Enabled=false Serilog__MinimumLevel__Default=Warning FleetOps__Database__Provider=Postgres \
    ConnectionStrings__FleetOps="$pg_server;Database=$pg_database" FleetOps__Cluster__Enabled="$2" \
    FleetOps__Leadership__Mode=$([ "$2" = true ] && echo Elect || echo Auto) \
    FleetOps__RateLimits__TelemetryRequestsPerSecond=100000 FleetOps__RateLimits__TelemetryBurst=100000 \
    exec timeout 900 dotnet "$web" --urls "http://127.0.0.1:$1" >"$work/node-$1.log" 2>&1 ) &
  started+=($!)
  wait_ready "$1" node
}
fresh_database() {
  psql -d postgres -qc "DROP DATABASE IF EXISTS $pg_database WITH (FORCE)" -c "CREATE DATABASE $pg_database" >/dev/null
  dotnet "$bench" seed --postgres "$pg_server;Database=$pg_database" --terminals "$terminals" \
    --stores $(( (terminals + 49) / 50 )) --transactions 0 --open 0 --keys-file "$work/keys.csv" | head -1
}
# The dotnet processes behind the pids started (each is a subshell that exec'd dotnet through timeout).
processes() { local p; for p in "${started[@]}"; do pgrep -P "$p" || echo "$p"; done; }
backends_cpu() {
  local cpu=0 pid
  for pid in $(psql -d postgres -Atc "SELECT pid FROM pg_stat_activity WHERE datname = '$pg_database'"); do cpu=$((cpu + $(cpu_ms "$pid"))); done
  echo "$cpu"
}
# measured LABEL EVENTS_PER_REQUEST NAMES... — prints "rate p99" and writes each process's CPU per request to $work/costs.
measured() {
  local label=$1 events=$2; shift 2
  local pids=($(processes)) before=() i rate p99 db_before
  for i in "${!pids[@]}"; do before[i]=$(cpu_ms "${pids[i]}"); done
  db_before=$(backends_cpu)
  read -r rate p99 < <(run_wrk "$label" "$events")
  local requests=$(awk '/requests in/ { print $1 }' "$work/wrk-$label.txt") names=("$@") line=""
  for i in "${!pids[@]}"; do
    line+=$(awk -v c=$(( $(cpu_ms "${pids[i]}") - before[i] )) -v n="$requests" -v name="${names[i]}" 'BEGIN { printf "%s %.3f ms; ", name, c / n }')
  done
  line+=$(awk -v c=$(( $(backends_cpu) - db_before )) -v n="$requests" 'BEGIN { printf "database %.3f ms", c / n }')
  echo "CPU per request: $line" >"$work/costs"
  echo "$rate $p99"
}

declare -A single batch
for config in ${BENCH_CONFIGS:-one two}; do
  fresh_database
  if [ "$config" = one ]; then
    start_node $((base_port + 1)) false
    port=$((base_port + 1)); names=(node)
  else
    start_node $((base_port + 1)) true   # the first migrates nothing (seeded) and takes the leadership
    start_node $((base_port + 2)) true
    ( exec timeout 900 dotnet "$balancer" --listen "http://127.0.0.1:$base_port" --node "http://127.0.0.1:$((base_port + 1))" \
      --node "http://127.0.0.1:$((base_port + 2))" >"$work/balancer.log" 2>&1 ) &
    started+=($!)
    wait_ready "$base_port" balancer
    port=$base_port; names=(node-A node-B balancer)
  fi
  warm_up "single$config" 1
  read -r rate p99 < <(measured "single$config" 1 "${names[@]}")
  single[$config]=$rate
  echo "$config node(s), 1 heartbeat per request:    $rate requests/s, p99 $p99 ms; $(cat "$work/costs")"
  warm_up "batch$config" 500
  read -r rate p99 < <(measured "batch$config" 500 "${names[@]}")
  batch[$config]=$((rate * 500))
  echo "$config node(s), 500 heartbeats per request: $rate requests/s = ${batch[$config]} events/s, p99 $p99 ms; $(cat "$work/costs")"
  stop_all
done
echo "RESULT one_node_single=${single[one]:-} two_nodes_single=${single[two]:-} one_node_batch_events=${batch[one]:-} two_nodes_batch_events=${batch[two]:-}"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
