#!/usr/bin/env bash
# Bulk onboarding benchmark (issue 9, docs/benchmarks.md): generates an onboarding CSV of N terminals in N/20 stores,
# starts FleetOps (Release, no demo, a new SQLite file) on 127.0.0.1, posts the file to POST /api/v1/imports/terminals
# and prints the time from the first byte sent to the last byte of the keys file received. Bounded: the server runs
# under a timeout and is stopped at the end.
# Usage: scripts/bench-onboard.sh [terminals=100000]
set -euo pipefail
cd "$(dirname "$0")/.."
terminals=${1:-100000}
port=${BENCH_PORT:-5163}; token=bench-token; root=$PWD
work=$(mktemp -d /tmp/fleetops-bench-onboard.XXXX)
server=""
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "machine: $(nproc) cores; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
flock /tmp/fleetops-build.lock dotnet build src/FleetOps.Web -c Release -nologo -v quiet >/dev/null

# Ids keep at most 12 digits between letters (a longer digit run may pass Luhn: the card guard refuses it).
awk -v n="$terminals" 'BEGIN {
  print "storeCode,storeName,region,timeZone,terminalId,serialNumber,model"
  for (i = 0; i < n; i++) {
    s = int(i / 20)
    printf "B-%05d,Bench store %d,Region %d,Asia/Shanghai,BT-%07d,SN-%07d,A920\n", s, s, s % 7, i, i
  }
}' >"$work/onboard.csv"
echo "file: $terminals terminals in $(( (terminals + 19) / 20 )) stores, $(du -k "$work/onboard.csv" | cut -f1) KiB"

(
  cd "$work"
  FleetOps__Demo__Enabled=false FleetOps__Bootstrap__ApiToken=$token Serilog__MinimumLevel__Default=Warning \
  ConnectionStrings__FleetOps="Data Source=$work/bench.db" \
  exec env "Serilog__MinimumLevel__Override__FleetOps.Web.Onboarding=Information" timeout 600 dotnet "$root/src/FleetOps.Web/bin/Release/net10.0/FleetOps.Web.dll" --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1
) &
server=$!
for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null || { echo "server did not start"; tail -20 "$work/server.log"; exit 1; }

started=$EPOCHREALTIME
status=$(curl -s -o "$work/keys.csv" -D "$work/headers.txt" -w '%{http_code}' --max-time 300 \
  -H "Authorization: Bearer $token" -H "Content-Type: text/csv" --data-binary "@$work/onboard.csv" \
  "http://127.0.0.1:$port/api/v1/imports/terminals")
ended=$EPOCHREALTIME
[ "$status" = 200 ] || { echo "import answered $status:"; head -c 2000 "$work/keys.csv"; echo; exit 1; }
keys=$(($(wc -l <"$work/keys.csv") - 1))
[ "$keys" = "$terminals" ] || { echo "expected $terminals keys, got $keys"; exit 1; }
listed=$(curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/terminals?pageSize=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
echo "imported: $(grep -i '^x-imported-stores' "$work/headers.txt" | tr -d '\r') / $(grep -i '^x-imported-terminals' "$work/headers.txt" | tr -d '\r'); terminals listed by the API: $listed"
grep -o "Imported [0-9]* stores.*checking it)" "$work/server.log" | sed 's/^/server: /' || true
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v a="$started" -v b="$ended" -v n="$terminals" 'BEGIN { printf "RESULT onboard_terminals=%d seconds=%.2f\n", n, b - a }'
