#!/bin/bash
# wal.sh TAG N: N call cycles (setup.sh), then their WAL: records, bytes and B-tree insertions per
# cycle, from pg_walinspect, counting only the records of this database's transactions.
P="psql -v ON_ERROR_STOP=1 -qAt"
tag=$1; n=$2
start=$($P -c "select pg_current_wal_insert_lsn()")
$P -c "CALL bench.cycles($n, '$tag')"
end=$($P -c "select pg_current_wal_insert_lsn()")
$P <<SQL
set search_path=bench;
WITH r AS (SELECT * FROM pg_get_wal_records_info('$start', '$end')),
db AS (SELECT oid FROM pg_database WHERE datname = current_database()),
mine AS (SELECT DISTINCT xid FROM r, db WHERE block_ref LIKE '%/' || db.oid || '/%' AND xid <> 0),
rel AS (SELECT r.*, (regexp_match(block_ref, 'rel [0-9]+/[0-9]+/([0-9]+)'))[1]::oid AS node FROM r WHERE xid IN (SELECT xid FROM mine)),
named AS (SELECT rel.*, coalesce(c.relname, '(none)') AS relname, c.relkind FROM rel LEFT JOIN pg_class c ON c.relfilenode = rel.node)
SELECT '$tag cycles=$n'
 || ' | WAL bytes/cycle=' || round(sum(record_length)::numeric / $n, 0)
 || ' (of which FPI ' || round(sum(fpi_length)::numeric / $n, 0) || ')'
 || ' | records/cycle=' || round(count(*)::numeric / $n, 2)
 || ' | btree records/cycle=' || round((count(*) FILTER (WHERE resource_manager = 'Btree'))::numeric / $n, 2)
 || ' | btree leaf inserts/cycle=' || round((count(*) FILTER (WHERE resource_manager = 'Btree' AND record_type = 'INSERT_LEAF'))::numeric / $n, 2)
 || ' | btree bytes/cycle=' || round((sum(record_length) FILTER (WHERE resource_manager = 'Btree'))::numeric / $n, 0)
 || ' | btree non-FPI bytes/cycle=' || round((sum(record_length - fpi_length) FILTER (WHERE resource_manager = 'Btree'))::numeric / $n, 0)
 || ' | heap bytes/cycle=' || round((sum(record_length) FILTER (WHERE resource_manager LIKE 'Heap%'))::numeric / $n, 0)
FROM named;
WITH r AS (SELECT * FROM pg_get_wal_records_info('$start', '$end')),
db AS (SELECT oid FROM pg_database WHERE datname = current_database()),
rel AS (SELECT r.*, (regexp_match(block_ref, 'rel [0-9]+/[0-9]+/([0-9]+)'))[1]::oid AS node FROM r, db WHERE block_ref LIKE '%/' || db.oid || '/%')
SELECT '  ' || name || ': ' || round(count(*)::numeric / $n, 2) || ' leaf inserts/cycle'
FROM (SELECT coalesce(c.relname, rel.node::text) AS name FROM rel LEFT JOIN pg_class c ON c.relfilenode = rel.node
      WHERE resource_manager = 'Btree' AND record_type = 'INSERT_LEAF') x
GROUP BY name ORDER BY name;
SQL
