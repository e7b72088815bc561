-- The console's charts (GET /v1/call-stats, issue 19) aggregate every call of an account in a time
-- range. V1's (account_id, created_at DESC, id DESC) finds the range but leaves each row's
-- answer, end, cost and reason in the heap: a million calls is a million random heap reads. This
-- index carries those columns, so the aggregate is one index-only range scan.
CREATE INDEX call_account_stats_idx ON call (account_id, created_at)
    INCLUDE (project_id, answered_at, ended_at, cost, end_reason);
