-- Failover of a connect whose internal callee is unreachable (docs/protocol.md §4): what the
-- current connect asks for (continueOnFail, onFailEventUrl), why its callee failed while the
-- server asks the onFailEventUrl what to do next, and how many times the call was retargeted,
-- which bounds a chain of failovers; and the caller's SDP offer and ICE candidates while the call
-- is unanswered, which a retargeted call hands to its new callee, since the caller sent them to
-- the callee that failed. V7, not V6: the SIP trunk work takes V6.
ALTER TABLE call
    ADD COLUMN continue_on_fail  BOOLEAN       NOT NULL DEFAULT FALSE,
    ADD COLUMN on_fail_event_url VARCHAR(2048),
    ADD COLUMN fail_reason       VARCHAR(16)   CHECK (fail_reason IN ('busy', 'not_online', 'no_answer')),
    ADD COLUMN failover_count    INTEGER       NOT NULL DEFAULT 0 CHECK (failover_count >= 0),
    ADD COLUMN caller_offer      TEXT,
    ADD COLUMN caller_candidates TEXT,
    ADD CONSTRAINT call_failover_url CHECK (NOT continue_on_fail OR on_fail_event_url IS NOT NULL);
