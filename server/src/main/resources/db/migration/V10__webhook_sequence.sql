-- Each call's webhook events are numbered by the webhook module's own counter, so that the call
-- table holds only the call. The counter's row is locked by the transaction that numbers an
-- event until it commits, which keeps a call's events in commit order.
CREATE TABLE webhook_sequence (
    call_id        VARCHAR(64) PRIMARY KEY REFERENCES call (id),
    last_sequence  INTEGER     NOT NULL
);
INSERT INTO webhook_sequence (call_id, last_sequence)
SELECT id, webhook_sequence FROM call WHERE webhook_sequence > 0;
ALTER TABLE call DROP COLUMN webhook_sequence;
