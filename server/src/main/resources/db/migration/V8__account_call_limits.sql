-- Per-account call limits that the operator sets (PUT /v1/accounts/{id}/limits); NULL means the
-- server's default (oncaller.limits.calls.*).
ALTER TABLE account
    ADD COLUMN call_attempts_per_second INTEGER CHECK (call_attempts_per_second > 0),
    ADD COLUMN calls_at_once            INTEGER CHECK (calls_at_once > 0);

-- Counting an account's live calls uses V4's call_account_live_idx.
