#!/usr/bin/env bash
# Cross-node propagation benchmark (docs/benchmarks.md, issue 17 item 2): two nodes (two in-process hosts) on one fresh
# PostgreSQL database with the cluster switch on; 200 heartbeats posted one after another to node A, each timed from A's
# 200 to node B's in-memory fleet state holding it. Prints:
#   PROPAGATION heartbeats=200 p50=…ms p99=…ms max=…ms load=…
# Needs FLEETOPS_TEST_POSTGRES (e.g. Host=127.0.0.1;Username=postgres;Password=…;Database=postgres). Bounded: one test.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${FLEETOPS_TEST_POSTGRES:?set FLEETOPS_TEST_POSTGRES to a PostgreSQL server}"
echo "machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
flock /tmp/fleetops-build.lock dotnet build tests/FleetOps.Web.Tests -c Release -nologo -v quiet >/dev/null
dotnet test tests/FleetOps.Web.Tests -c Release --no-build \
  --filter "FullyQualifiedName~ChangeFanOutPostgresTests.Propagation" --logger "console;verbosity=detailed" 2>&1 \
  | grep -E "PROPAGATION|Passed!|Failed!|\[FAIL\]"
