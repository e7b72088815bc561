-- When a recording's conversion started (docs/recordings.md, "Hangups and failures"): a conversion
-- that has not finished long after it started lost its node (a restart, a kill), and another node
-- claims it by moving this time forward, so each stalled conversion is taken up by one node.
alter table recording add column converting_since timestamptz;
update recording set converting_since = now() where status = 'CONVERTING';
create index recording_converting_since on recording (converting_since) where status = 'CONVERTING';
