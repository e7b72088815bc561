-- event_url webhooks: a per-project signing secret, and an outbox of events written in the
-- same transaction as the call state change that caused them, delivered at least once.
ALTER TABLE project ADD COLUMN signing_secret VARCHAR(128);
UPDATE project SET signing_secret = encode(sha256((random()::text || clock_timestamp()::text || id)::bytea), 'hex');
ALTER TABLE project ALTER COLUMN signing_secret SET NOT NULL;

-- The next webhook sequence number of each call: incremented by the state change itself, so
-- a call's events are numbered in the order their transactions commit.
ALTER TABLE call ADD COLUMN webhook_sequence INTEGER NOT NULL DEFAULT 0;

CREATE TABLE webhook_event (
    id                BIGINT        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id          VARCHAR(40)   NOT NULL UNIQUE,
    call_id           VARCHAR(64)   NOT NULL REFERENCES call (id),
    project_id        VARCHAR(34)   NOT NULL REFERENCES project (id),
    account_id        VARCHAR(34)   NOT NULL REFERENCES account (id),
    sequence          INTEGER       NOT NULL,
    type              VARCHAR(16)   NOT NULL,
    url               VARCHAR(2048) NOT NULL,
    payload           TEXT          NOT NULL,
    status            VARCHAR(16)   NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'STOPPED', 'GAVE_UP')),
    attempts          INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at   TIMESTAMPTZ   NOT NULL,
    last_status_code  INTEGER,
    last_error        VARCHAR(300),
    created_at        TIMESTAMPTZ   NOT NULL,
    delivered_at      TIMESTAMPTZ,
    UNIQUE (call_id, sequence)
);
-- The dispatcher's scan: due events that are still pending.
CREATE INDEX webhook_event_due_idx ON webhook_event (next_attempt_at) WHERE status = 'PENDING';
