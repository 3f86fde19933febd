#!/usr/bin/env bash
# Runs every FleetOps test: unit, web integration (SQLite, and PostgreSQL when a server can be started),
# bUnit and Playwright end-to-end in Debian's Chromium. Installs what a fresh machine lacks.
# Ends with one line: "N passed, N failed, N skipped"; the exit status is non-zero when a test failed.
set -uo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n== %s\n' "$*"; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }

apt_updated=""
apt_install() {
  [ -n "$apt_updated" ] || { as_root apt-get update -qq >/dev/null 2>&1; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null 2>&1
}

# Chromium for the Playwright tests (no browser download is possible here; Debian's is used).
if [ ! -x /usr/bin/chromium ]; then
  log "installing Chromium"
  apt_install chromium || echo "could not install chromium; the end-to-end tests will fail"
fi

# A Chinese font, so the zh-CN tour's screenshots (tests/FleetOps.E2E.Tests/bin/Release/net10.0/screenshots/zh-CN) show
# Chinese instead of empty boxes; the test itself reads the page's text and passes either way.
if command -v fc-list >/dev/null && [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
  log "installing a Chinese font"
  apt_install fonts-wqy-microhei || echo "could not install a Chinese font; the zh-CN screenshots will show boxes"
fi

# PostgreSQL for the provider tests: start the machine's cluster if there is one, and make a test database.
if [ -z "${FLEETOPS_TEST_POSTGRES:-}" ] && command -v pg_ctlcluster >/dev/null 2>&1; then
  cluster=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)
  if [ -n "$cluster" ]; then
    log "starting PostgreSQL $cluster"
    as_root pg_ctlcluster "$cluster" main start >/dev/null 2>&1 || true
    if as_root runuser -u postgres -- psql -qtAc "ALTER USER postgres PASSWORD 'fleetops';" >/dev/null 2>&1; then
      export FLEETOPS_TEST_POSTGRES="Host=127.0.0.1;Username=postgres;Password=fleetops;Database=postgres"
    fi
  fi
fi
[ -n "${FLEETOPS_TEST_POSTGRES:-}" ] || echo "PostgreSQL not available: the PostgreSQL provider tests will be skipped"

# Redis for the cluster tests (issue 17): they start and kill redis-servers of their own on free ports, so they need the
# program, not a running server.
if ! command -v redis-server >/dev/null 2>&1; then
  log "installing Redis"
  apt_install redis-server || echo "could not install redis-server"
fi
# The package also starts a system-wide server on 6379; the tests do not use it.
if [ -z "${FLEETOPS_TEST_REDIS:-}" ] && command -v redis-server >/dev/null 2>&1; then
  export FLEETOPS_TEST_REDIS=$(command -v redis-server)
fi
[ -n "${FLEETOPS_TEST_REDIS:-}" ] || echo "Redis not available: the cluster tests will be skipped"

log "building"
if ! dotnet build FleetOps.sln -c Release -nologo -v quiet; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

results=$(mktemp -d)
status=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  log "testing $name"
  dotnet test "$project" -c Release --no-build -nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
done

# Count from the TRX files: every test project writes one, whatever its runner prints.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters"); e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi  # a crashed test host counts as a failure
echo
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
