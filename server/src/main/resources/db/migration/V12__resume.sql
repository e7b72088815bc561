-- A device whose connection dropped without a DISCONNECT keeps its calls for the resume window
-- (PROTOCOL §2.1): until the deadline the call waits for it to come back, on any node; past it,
-- any node's sweep ends the call as "Connection lost". One deadline per side, since both may drop.
ALTER TABLE call ADD COLUMN caller_away_until TIMESTAMPTZ, ADD COLUMN callee_away_until TIMESTAMPTZ;
CREATE INDEX call_caller_away_idx ON call (caller_away_until)
    WHERE caller_away_until IS NOT NULL AND status IN ('CALLING', 'RINGING', 'ANSWERED');
CREATE INDEX call_callee_away_idx ON call (callee_away_until)
    WHERE callee_away_until IS NOT NULL AND status IN ('CALLING', 'RINGING', 'ANSWERED');
