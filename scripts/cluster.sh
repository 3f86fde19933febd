#!/usr/bin/env bash
# A local FleetOps cluster in one command (issue 17; docs/operations.md "Several nodes"): PostgreSQL and Redis (installed
# from Debian packages when missing), two nodes on one database and one Redis, the balancer in front of them, and the
# simulator's fleet posting through the balancer. Everything listens on 127.0.0.1; Ctrl-C stops everything it started.
# Usage: scripts/cluster.sh            (ports: FLEETOPS_CLUSTER_PORT=5100 for the balancer, 5101/5102 for the nodes,
#                                        6391 for Redis; FLEETOPS_CLUSTER_TERMINALS=200 simulated through the balancer)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
port=${FLEETOPS_CLUSTER_PORT:-5100}; node_ports=($((port + 1)) $((port + 2))); redis_port=${FLEETOPS_CLUSTER_REDIS_PORT:-6391}
terminals=${FLEETOPS_CLUSTER_TERMINALS:-200}; token=cluster-token
database=fleetops_cluster
state="$root/data/cluster"   # both nodes run here: one data folder, so one Data Protection certificate (made by node 1)
mkdir -p "$state/logs"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }
need() { # need PROGRAM PACKAGE: installs the Debian package when the program is missing
  command -v "$1" >/dev/null 2>&1 && return
  echo "installing $2"
  as_root apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$2" >/dev/null
}
wait_ready() { # wait_ready URL NAME PID
  for _ in $(seq 1 240); do
    curl -sf "$1/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$3" 2>/dev/null || { echo "$2 stopped while starting; see $state/logs"; return 1; }
    sleep 0.5
  done
  echo "$2 did not become ready within 2 minutes; see $state/logs"; return 1
}

pids=()
stop_all() {
  trap '' INT TERM; trap - EXIT   # a second Ctrl-C (or timeout's TERM) must not cut the stop short and orphan the nodes
  echo; echo "stopping the cluster"
  # Newest first, each gone before the next: the nodes stop while Redis and the database still answer (no errors logged).
  for ((i=${#pids[@]}-1; i>=0; i--)); do kill -TERM "${pids[i]}" 2>/dev/null || true; wait "${pids[i]}" 2>/dev/null || true; done
}
trap stop_all INT TERM EXIT

need pg_ctlcluster postgresql
need redis-server redis-server
pg=$(ls /etc/postgresql | sort -V | tail -1)
as_root pg_ctlcluster "$pg" main start >/dev/null 2>&1 || true   # already running is fine
as_root runuser -u postgres -- psql -qtAc "ALTER USER postgres PASSWORD 'fleetops';" >/dev/null
as_root runuser -u postgres -- psql -qtAc "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1 \
  || as_root runuser -u postgres -- psql -qc "CREATE DATABASE $database" >/dev/null

redis-server --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no >"$state/logs/redis.log" 2>&1 &
pids+=($!)

echo "building"
for project in src/FleetOps.Web tools/FleetOps.Balancer src/FleetOps.Simulator; do dotnet build "$project" -c Release -nologo -v quiet >/dev/null; done

export FleetOps__Database__Provider=Postgres
export ConnectionStrings__FleetOps="Host=127.0.0.1;Username=postgres;Password=fleetops;Database=$database"
export ConnectionStrings__Redis="127.0.0.1:$redis_port"
export FleetOps__Bootstrap__ApiToken=$token
export Serilog__MinimumLevel__Default=Warning
web="$root/src/FleetOps.Web/bin/Release/net10.0/FleetOps.Web.dll"
# Node 1 alone seeds the demo chain (and drives its 300 demo terminals itself): the demo issues its terminals fresh keys
# at every start, so a second seeding node would take the first one's keys away. It starts (and migrates) first.
for i in 0 1; do
  demo=$([ "$i" = 0 ] && echo true || echo false)
  (cd "$state" && FleetOps__Demo__Enabled=$demo exec dotnet "$web" --urls "http://127.0.0.1:${node_ports[i]}" >"$state/logs/node$((i + 1)).log" 2>&1) &
  pids+=($!)
  wait_ready "http://127.0.0.1:${node_ports[i]}" "node $((i + 1))" "${pids[-1]}"
  echo "node $((i + 1)) ready on http://127.0.0.1:${node_ports[i]}"
done

dotnet tools/FleetOps.Balancer/bin/Release/net10.0/FleetOps.Balancer.dll --listen "http://127.0.0.1:$port" \
  --node "http://127.0.0.1:${node_ports[0]}" --node "http://127.0.0.1:${node_ports[1]}" >"$state/logs/balancer.log" 2>&1 &
pids+=($!)
wait_ready "http://127.0.0.1:$port" "the balancer" "${pids[-1]}"

# A new id prefix each run: the simulator registers its own stores and terminals, and ids must be new on the server.
# (Letters from $RANDOM: a `tr </dev/urandom | head` pipe dies of SIGPIPE, which pipefail turns into the script's end.)
letters=abcdefghijklmnopqrstuvwxyz; prefix=CL
for _ in 1 2 3 4; do prefix+=${letters:RANDOM % 26:1}; done
dotnet src/FleetOps.Simulator/bin/Release/net10.0/FleetOps.Simulator.dll run --url "http://127.0.0.1:$port" --api-token $token \
  --terminals "$terminals" --stores $((terminals / 20 + 1)) --prefix "$prefix" >"$state/logs/simulator.log" 2>&1 &
pids+=($!)

cat <<TEXT

FleetOps cluster running — open http://127.0.0.1:$port
  sign in as admin@fleetops.demo (password FleetOps-demo-2026); the API token is $token
  nodes: http://127.0.0.1:${node_ports[0]} (seeds the demo) and http://127.0.0.1:${node_ports[1]}; Redis 127.0.0.1:$redis_port;
  PostgreSQL database $database; simulator ($terminals terminals, prefix $prefix) through the balancer
  logs: $state/logs
Ctrl-C stops everything.
TEXT
wait
