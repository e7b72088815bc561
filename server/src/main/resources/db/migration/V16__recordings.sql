-- Call recordings (docs/recordings.md): one row per recorded call, from the moment its SCCO asks
-- for a recording to the file kept on disk under the account's folder. The audio itself is a file,
-- never a column: the row says where it is, how big and how long, and whose it is.
create table recording (
    id            varchar(36)  primary key check (id ~ '^rec-[0-9a-f]{32}$'),
    call_id       varchar(64)  not null unique,
    account_id    varchar(34)  not null references account (id),
    project_id    varchar(34)  not null,
    kind          varchar(16)  not null check (kind in ('record', 'recordMessage')),
    format        varchar(3)   not null check (format in ('wav', 'mp3')),
    stereo        boolean      not null,
    event_url     text,
    -- PENDING: asked for, the call not answered yet; RECORDING: rtpengine records; CONVERTING: the
    -- call ended, its capture is being turned into audio; READY: the file is kept; FAILED: nothing
    -- was kept (failure says why); DELETED: kept, then removed by the age or size limit.
    status        varchar(10)  not null check (status in ('PENDING', 'RECORDING', 'CONVERTING', 'READY', 'FAILED', 'DELETED')),
    -- rtpengine's ports that receive the caller's media: its packets in the capture go to them.
    caller_ports  text,
    duration_ms   bigint       check (duration_ms >= 0),
    size_bytes    bigint       check (size_bytes >= 0),
    failure       text,
    created_at    timestamptz  not null,
    ready_at      timestamptz
);

create index recording_account_created on recording (account_id, created_at desc, id desc);
create index recording_project_created on recording (project_id, created_at desc, id desc);
create index recording_ready_at on recording (status, ready_at);

-- A rate may price recorded minutes, and its charge is a ledger row of its own kind.
alter table rate drop constraint rate_call_type_check;
alter table rate add constraint rate_call_type_check check (call_type in ('INTERNAL', 'EXTERNAL', 'RECORD'));
alter table balance_transaction drop constraint balance_transaction_kind_check;
alter table balance_transaction add constraint balance_transaction_kind_check
    check (kind in ('TOP_UP', 'CALL_CHARGE', 'ADJUSTMENT', 'RECORDING_CHARGE'));
-- A recording is charged once, like a call.
create unique index balance_transaction_recording_charge_idx on balance_transaction (call_id)
    where kind = 'RECORDING_CHARGE';
