-- Issue 8: how a trunk carries DTMF, and what the call record keeps of SIP calls.
ALTER TABLE sip_trunk
    ADD COLUMN dtmf_mode VARCHAR(8) NOT NULL DEFAULT 'RFC4733' CHECK (dtmf_mode IN ('RFC4733', 'INFO'));

-- Every INVITE from a carrier looks its trunks up by the address it came from.
CREATE INDEX sip_trunk_host_idx ON sip_trunk (host);

-- The SIP Call-ID of the phone leg, to find a call in a carrier's logs.
ALTER TABLE call ADD COLUMN sip_call_id VARCHAR(255);

-- A phone call moved from one app user to another: who had it, and when it moved.
ALTER TABLE call ADD COLUMN transferred_from_user_id VARCHAR(128);
ALTER TABLE call ADD COLUMN transferred_at TIMESTAMPTZ;

-- The account's number a phone call uses (the one dialled, or the caller id it shows), whose
-- event_url, when set, hears the call's events instead of the project's.
ALTER TABLE call ADD COLUMN number_id VARCHAR(34);
