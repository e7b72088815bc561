#!/bin/bash
# The index micro benchmark's schema (docs/performance.md, "Fewer indexes on call"): schema "bench" of
# the database psql connects to (PGHOST, PGUSER, PGPASSWORD, PGDATABASE), the migrations up to version
# $1 applied to it, 200,000 calls seeded, the cycle procedure. Drops an earlier "bench" schema.
set -euo pipefail
upto=${1:?usage: setup.sh <last migration version, e.g. 24>}
here=$(cd "$(dirname "$0")" && pwd)
migrations="$here/../../server/src/main/resources/db/migration"
psql="psql -v ON_ERROR_STOP=1 -q"
$psql -c "DROP SCHEMA IF EXISTS bench CASCADE" -c "CREATE SCHEMA bench"
{
	echo "SET search_path = bench;"
	for file in $(ls "$migrations" | sort -V); do
		version=${file#V}; version=${version%%__*}
		if [ "$version" -le "$upto" ]; then cat "$migrations/$file"; echo ";"; fi
	done
} | $psql
$psql -f "$here/seed.sql" -f "$here/cycle.sql"
$psql -c "VACUUM ANALYZE bench.call" -c "CREATE EXTENSION IF NOT EXISTS pg_walinspect SCHEMA bench"
