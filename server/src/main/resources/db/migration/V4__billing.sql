-- Billing of calls (docs/billing.md). A call keeps the prices it was placed with, so that a rate
-- changed or deleted during the call changes nothing for it; what it holds back of the balance
-- while live; the answered time granted so far; and when it was last known alive, so that a
-- call left open by a crashed node is charged up to that moment.
ALTER TABLE call
    ADD COLUMN rate_id                   VARCHAR(34)    REFERENCES rate (id) ON DELETE SET NULL,
    ADD COLUMN price_per_minute          NUMERIC(19, 6) CHECK (price_per_minute >= 0),
    ADD COLUMN billing_increment_seconds INTEGER        CHECK (billing_increment_seconds BETWEEN 1 AND 3600),
    ADD COLUMN connection_fee            NUMERIC(19, 6) CHECK (connection_fee >= 0),
    ADD COLUMN reserved_amount           NUMERIC(19, 6) NOT NULL DEFAULT 0 CHECK (reserved_amount >= 0),
    ADD COLUMN granted_seconds           INTEGER        CHECK (granted_seconds >= 0),
    ADD COLUMN last_seen_at              TIMESTAMPTZ,
    -- A call is priced entirely or not at all (free).
    ADD CONSTRAINT call_price_complete CHECK (
        (price_per_minute IS NULL) = (billing_increment_seconds IS NULL)
        AND (price_per_minute IS NULL) = (connection_fee IS NULL));

-- The available balance sums what an account's live calls hold back.
CREATE INDEX call_account_live_idx ON call (account_id) WHERE status IN ('CALLING', 'RINGING', 'ANSWERED');

-- Calls answered before this version were never heartbeated: count them alive until now. Their
-- deadline, if any, was their maxConnectTime: that is their grant.
UPDATE call SET last_seen_at = now(), granted_seconds = CASE WHEN connect_deadline IS NOT NULL THEN max_connect_seconds END
WHERE status = 'ANSWERED';
