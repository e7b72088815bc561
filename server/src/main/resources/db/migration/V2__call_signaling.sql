-- What live call handling needs beyond the record: the deadlines that any node's sweeper
-- enforces (so a call ends on time even if the node that started it is gone), the caller's
-- device, and the media state each leg reports.
ALTER TABLE call
    ADD COLUMN caller_device_id    VARCHAR(128),
    ADD COLUMN to_user_id          VARCHAR(128),
    ADD COLUMN ring_deadline       TIMESTAMPTZ,
    ADD COLUMN max_connect_seconds INTEGER,
    ADD COLUMN connect_deadline    TIMESTAMPTZ,
    ADD COLUMN caller_media_state  INTEGER,
    ADD COLUMN callee_media_state  INTEGER;

CREATE INDEX call_ring_deadline_idx ON call (ring_deadline) WHERE status IN ('CALLING', 'RINGING');
CREATE INDEX call_connect_deadline_idx ON call (connect_deadline) WHERE status = 'ANSWERED';
CREATE INDEX call_caller_connection_idx ON call (caller_connection_id) WHERE status IN ('CALLING', 'RINGING', 'ANSWERED');
CREATE INDEX call_answered_connection_idx ON call (answered_connection_id) WHERE status = 'ANSWERED';
