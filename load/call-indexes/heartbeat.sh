#!/bin/bash
# The call heartbeat's statement with N connections named (docs/performance.md, "The call heartbeat
# in one statement"): as the server sent it until session 11 (JPQL, batches of 1,000 ids, each id
# bound twice) and as it sends it now (one text[] parameter). Runs in a transaction that it rolls
# back, on any database with OnCaller's schema (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE):
# ANSWERED live calls whose connections are among the N named, then BEATS beats of each form,
# timed by psql; prints the time of each beat.
#
#   load/call-indexes/heartbeat.sh [N=10000] [ANSWERED=50] [BEATS=12]
set -euo pipefail
n=${1:-10000} answered=${2:-50} beats=${3:-12}
sql=$(mktemp)
trap 'rm -f "$sql"' EXIT
python3 - "$n" "$answered" "$beats" > "$sql" <<'PY'
import sys
n, answered, beats = map(int, sys.argv[1:])
ids = ["conn-%d" % i for i in range(n)]
q = lambda s: "'%s'" % s
print("BEGIN;")
print("UPDATE call SET status = 'ANSWERED', caller_connection_id = 'conn-' || (k * 2), answered_connection_id = 'conn-' || (k * 2 + 1)"
      " FROM (SELECT id, row_number() OVER () AS k FROM call LIMIT %d) x WHERE call.id = x.id;" % answered)
print("PREPARE batched(timestamptz, %s) AS UPDATE call SET last_seen_at = $1 WHERE status = 'ANSWERED'"
      " AND (caller_connection_id IN (%s) OR answered_connection_id IN (%s));"
      % (",".join(["text"] * 2000), ",".join("$%d" % i for i in range(2, 1002)), ",".join("$%d" % i for i in range(1002, 2002))))
print("PREPARE arrayed(timestamptz, text[]) AS UPDATE call SET last_seen_at = $1 WHERE status = 'ANSWERED'"
      " AND (caller_connection_id = ANY ($2) OR answered_connection_id = ANY ($2));")
print("\\timing on")
for beat in range(beats):
    print("\\echo batched beat %d" % (beat + 1))
    for b in range(0, n, 1000):
        batch = ",".join(map(q, ids[b:b + 1000]))
        print("EXECUTE batched(now(), %s, %s);" % (batch, batch))
array = "'{%s}'" % ",".join(ids)
for beat in range(beats):
    print("\\echo arrayed beat %d" % (beat + 1))
    print("EXECUTE arrayed(now(), %s);" % array)
print("ROLLBACK;")
PY
psql -X -q -f "$sql" | awk '/beat/ { if (form) printf "%s %.1f ms\n", form, t; form = $0; t = 0; next }
  /^Time:/ { t += $2 } END { if (form) printf "%s %.1f ms\n", form, t }'
