# Sourced by the PostgreSQL benchmarks (bench-fanout-ingest.sh, bench-postgres-ingest.sh). Reads FLEETOPS_TEST_POSTGRES
# (an Npgsql connection string) and exports what psql understands instead — PGHOST, PGPORT, PGUSER, PGPASSWORD — and
# sets pg_server: the same connection string without its Database=, so a script can name its own fresh database.
: "${FLEETOPS_TEST_POSTGRES:?set FLEETOPS_TEST_POSTGRES to a PostgreSQL server}"
IFS=';' read -ra pg_parts <<< "$FLEETOPS_TEST_POSTGRES"
for pg_part in "${pg_parts[@]}"; do
  case "${pg_part%%=*}" in
    [Hh]ost) export PGHOST=${pg_part#*=} ;; [Pp]ort) export PGPORT=${pg_part#*=} ;;
    [Uu]sername|[Uu]ser) export PGUSER=${pg_part#*=} ;; [Pp]assword) export PGPASSWORD=${pg_part#*=} ;;
  esac
done
pg_server=$(sed -E 's/(^|;)[Dd]atabase=[^;]*//' <<< "$FLEETOPS_TEST_POSTGRES")
