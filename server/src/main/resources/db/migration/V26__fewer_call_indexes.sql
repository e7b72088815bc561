-- Fewer index entries per call (issue 15, docs/performance.md "Fewer indexes on call"). A call is
-- written three times (created, answered, ended), and since its status is in partial indexes'
-- predicates no update is HOT: each of the three row versions gets an entry in every full index
-- of call, and in each partial index whose predicate it meets. That was 27 index entries per call;
-- after this migration it is 22.
--
-- In one transaction, like every migration here, so no query is ever without its index; building
-- the new one holds off writes to call meanwhile (1.6 s for 240,000 calls on a busy 2-core machine,
-- so about 7 s per million). Not CONCURRENTLY: Flyway's PostgreSQL lock makes that wait forever.

-- V1's listing index (account_id, created_at DESC, id DESC) and V17's charts index
-- (account_id, created_at) INCLUDE (...) had the same leading columns: one index with the listing's
-- order and the charts' columns serves both, the records' keyset pages as before and the roll-ups
-- and raw-call sums as an index-only range scan (read backwards, which a B-tree does as well).
DROP INDEX call_account_created_idx;
DROP INDEX call_account_stats_idx;
CREATE INDEX call_account_created_idx ON call (account_id, created_at DESC, id DESC)
    INCLUDE (project_id, answered_at, ended_at, cost, end_reason);

-- V1's index of every live call by status: the queries on live calls name the account (V4's
-- call_account_live_idx has the same predicate and serves them with an index condition, where this
-- one left a filter) or a deadline or a connection (V2's and V12's partial indexes); the one that
-- scans all live calls (a connection's calls, caller or callee) reads V4's index whole instead.
DROP INDEX call_live_idx;
