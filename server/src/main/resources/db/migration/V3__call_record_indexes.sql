-- Call-record filters of the REST API (GET /v1/calls, issue 4). Records are always read within an
-- account, newest first, paged by (created_at, id); V1's (account_id, created_at DESC, id DESC)
-- serves the unfiltered listing and time ranges. A filter on the caller or the callee number
-- would have to walk that index over every call of the range to find the few that match, so
-- each gets an index that starts with the account and the number and keeps the paging order.
CREATE INDEX call_account_from_created_idx ON call (account_id, from_number, created_at DESC, id DESC);
CREATE INDEX call_account_to_created_idx ON call (account_id, to_number, created_at DESC, id DESC);
