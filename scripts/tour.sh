#!/usr/bin/env bash
# Every page as a user sees it (docs/benchmarks.md is not involved: this is for eyes). Starts FleetOps with the demo chain
# on a fresh SQLite file on 127.0.0.1, signs in as one demo account in Debian's Chromium, opens each page at one window
# size and language, saves a screenshot of each and prints what a person would notice at once (a page wider than the
# window, an error in the console, a page that did not come up). Bounded: 20 s a page, the server stopped at the end.
# Usage: scripts/tour.sh [account=admin] [language=en|zh] [width=390] [height=844] [out=/tmp/fleetops-tour]
#   e.g. scripts/tour.sh technician zh 390 844      scripts/tour.sh admin en 1024 768
# The demo accounts: admin, east.manager, store.manager, technician (@fleetops.demo).
# Tours may run side by side: each takes a free port (TOUR_PORT to choose one) and stops only its own server, and the
# build waits for any other build of this machine (the flock of /tmp/fleetops-build.lock) instead of racing it.
set -euo pipefail
cd "$(dirname "$0")/.."
account=${1:-admin}; language=${2:-en}; width=${3:-390}; height=${4:-844}; out=${5:-/tmp/fleetops-tour}
root=$PWD; work=$(mktemp -d /tmp/fleetops-tour.XXXX)
port=${TOUR_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
trap 'pkill -TERM -f "FleetOps.Web.dll --urls http://127.0.0.1:$port" 2>/dev/null || true; rm -rf "$work"' EXIT
[ -x /usr/bin/chromium ] || { apt-get update -qq && apt-get install -y -qq chromium; } >/dev/null 2>&1
for p in src/FleetOps.Web tools/FleetOps.LiveBench; do flock /tmp/fleetops-build.lock dotnet build "$p" -c Release -nologo -v quiet >/dev/null; done

( cd "$work" && Serilog__MinimumLevel__Default=Warning ConnectionStrings__FleetOps="Data Source=$work/demo.db" \
  timeout 900 dotnet "$root/src/FleetOps.Web/bin/Release/net10.0/FleetOps.Web.dll" --urls "http://127.0.0.1:$port" >>"$work/server.log" 2>&1 ) &
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null || { echo "server did not start"; tail -20 "$work/server.log"; exit 1; }

timeout 900 dotnet "$root/tools/FleetOps.LiveBench/bin/Release/net10.0/FleetOps.LiveBench.dll" tour --url "http://127.0.0.1:$port" \
  --email "$account@fleetops.demo" --password FleetOps-demo-2026 --language "$language" --width "$width" --height "$height" --out "$out"
