-- The plans of the queries on call (docs/performance.md, "Fewer indexes on call"), on setup.sh's schema.
SET search_path = bench;
\set A '''AC8a8bb7cd343aa2ad99b7d762030857a2'''
select 'PJ' || md5('1-4') as p4, 'PJ' || md5('1-1') as p1 \gset
\set P4 '''':p4''''
\set P1 '''':p1''''
\pset pager off
\echo Q1 listing, account, first page
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT * FROM call WHERE account_id = :A ORDER BY created_at DESC, id DESC LIMIT 101;
\echo Q2 listing, account, deep page (keyset)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT * FROM call WHERE account_id = :A AND (created_at, id) < (now() - interval '20 days', 'call-z') ORDER BY created_at DESC, id DESC LIMIT 101;
\echo Q3 listing, account, time range + status filter
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT * FROM call WHERE account_id = :A AND status IN ('BUSY') AND created_at >= now() - interval '10 days' AND created_at < now() - interval '5 days' ORDER BY created_at DESC, id DESC LIMIT 101;
\echo Q4 listing, project token, small project
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT * FROM call WHERE account_id = :A AND project_id = :P4 ORDER BY created_at DESC, id DESC LIMIT 101;
\echo Q5 listing, from + to
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT * FROM call WHERE account_id = :A AND from_number = 'user-7' AND to_number = 'user-9' ORDER BY created_at DESC, id DESC LIMIT 101;
\echo Q6 one record
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT * FROM call WHERE id = 'call-x' AND account_id = :A;
\echo Q7 roll-up of 24 hours, account
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT account_id, coalesce(project_id, ''), to_timestamp(floor(extract(epoch FROM created_at) / 900) * 900), CASE WHEN answered_at IS NULL AND ended_at IS NOT NULL THEN coalesce(end_reason, 'Unknown') ELSE '' END,
 count(*), count(answered_at), count(*) FILTER (WHERE answered_at IS NULL AND ended_at IS NOT NULL), count(ended_at) FILTER (WHERE answered_at IS NOT NULL), coalesce(sum(extract(epoch FROM ended_at - answered_at)), 0), coalesce(sum(cost), 0)
 FROM call WHERE account_id = :A AND created_at >= date_trunc('hour', now()) - interval '3 days' AND created_at < date_trunc('hour', now()) - interval '2 days'
 GROUP BY account_id, 3, 4, GROUPING SETS ((project_id), ());
\echo Q8 roll-up, oldest live call
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT min(created_at) FROM call WHERE account_id = :A AND status IN ('CALLING', 'RINGING', 'ANSWERED');
\echo Q9 charts, raw calls, account, two ranges
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT date_trunc('hour', created_at AT TIME ZONE 'Europe/Paris'), CASE WHEN answered_at IS NULL AND ended_at IS NOT NULL THEN coalesce(end_reason, 'Unknown') ELSE '' END, count(*), count(answered_at), coalesce(sum(extract(epoch FROM ended_at - answered_at)), 0), coalesce(sum(cost), 0)
 FROM call WHERE account_id = :A AND (created_at >= now() - interval '70 minutes' AND created_at < now() - interval '50 minutes' OR created_at >= now() - interval '20 minutes' AND created_at < now()) GROUP BY 1, 2;
\echo Q10 charts, raw calls, project token, one hour
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT date_trunc('hour', created_at AT TIME ZONE 'Europe/Paris'), count(*), coalesce(sum(cost), 0)
 FROM call WHERE account_id = :A AND project_id = :P1 AND (created_at >= now() - interval '70 minutes' AND created_at < now()) GROUP BY 1;
\echo Q11 live calls of a tenant
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT * FROM call WHERE account_id = :A AND status IN ('CALLING', 'RINGING', 'ANSWERED') ORDER BY created_at, id LIMIT 500;
\echo Q12 admission: live count
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT count(*) FROM call c WHERE c.account_id = :A AND c.status IN ('CALLING', 'RINGING', 'ANSWERED');
\echo Q13 findLiveByConnection
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT id FROM call WHERE status IN ('CALLING', 'RINGING', 'ANSWERED') AND (caller_connection_id = 'conn-c-1-2' OR answered_connection_id = 'conn-c-1-2');
\echo Q14 findStale
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT id FROM call WHERE status = 'ANSWERED' AND coalesce(last_seen_at, answered_at) < now() - interval '1 minute' AND caller_away_until IS NULL AND callee_away_until IS NULL;
\echo Q15 findTransferExpired
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT id FROM call WHERE status = 'ANSWERED' AND transferred_at IS NOT NULL AND ring_deadline <= now() AND ((direction = 'APP_TO_PHONE' AND caller_connection_id IS NULL) OR (direction = 'PHONE_TO_APP' AND answered_connection_id IS NULL));
\echo Q16 findRingExpired
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT id FROM call WHERE status IN ('CALLING', 'RINGING') AND ring_deadline <= now();
\echo Q17 findConnectExpired
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT * FROM call WHERE status = 'ANSWERED' AND connect_deadline <= now() AND (coalesce(last_seen_at, answered_at) >= now() - interval '1 minute' OR caller_away_until IS NOT NULL OR callee_away_until IS NOT NULL);
\echo Q18 findAwayExpired
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT id FROM call WHERE status IN ('CALLING', 'RINGING', 'ANSWERED') AND (caller_away_until <= now() OR callee_away_until <= now());
\echo Q19 markSeen (heartbeat), in a rolled-back transaction
BEGIN;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF) UPDATE call SET last_seen_at = now() WHERE status = 'ANSWERED' AND (caller_connection_id = ANY ('{conn-c-1-2,x}'::text[]) OR answered_connection_id = ANY ('{conn-c-1-2,x}'::text[]));
ROLLBACK;
\echo Q20 sumReservedByLiveCalls
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT coalesce(sum(reserved_amount), 0) FROM call WHERE account_id = :A AND status IN ('CALLING', 'RINGING', 'ANSWERED');
\echo Q21 findByStatusIn (tests only)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT * FROM call WHERE status IN ('CALLING', 'RINGING', 'ANSWERED');
\echo Q22 findGrantsToRenew
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT id FROM call WHERE status = 'ANSWERED' AND price_per_minute IS NOT NULL AND connect_deadline > now() AND connect_deadline <= now() + interval '10 seconds' AND (max_connect_seconds IS NULL OR granted_seconds < max_connect_seconds);
\echo Q23 listing generic plan (as JDBC after 5 executions)
SET plan_cache_mode = force_generic_plan;
PREPARE l(text, timestamptz, text, int) AS SELECT * FROM call WHERE account_id = $1 AND (created_at, id) < ($2, $3) ORDER BY created_at DESC, id DESC LIMIT $4;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF) EXECUTE l(:A, now() - interval '20 days', 'call-z', 101);
PREPARE r(text, timestamptz, timestamptz) AS SELECT count(*), coalesce(sum(cost), 0) FROM call WHERE account_id = $1 AND created_at >= $2 AND created_at < $3;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF) EXECUTE r(:A, now() - interval '3 days', now() - interval '2 days');
