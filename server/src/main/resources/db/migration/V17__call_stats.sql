-- The console's charts (GET /v1/call-stats, issue 19) aggregate an account's calls over up to 31
-- days. Aggregating a million call rows per request costs seconds, so finished days are rolled up
-- once into 15-minute slices (every time zone's hours are made of whole 15-minute slices), and a
-- request reads a few thousand slices plus the raw calls of the days not rolled up yet.

-- The UTC days of an account whose calls are rolled up into call_stats_slice. A day is rolled up
-- once none of its calls can change: it is over and none of its calls is still in progress.
CREATE TABLE call_stats_day (
    account_id  VARCHAR(34)  NOT NULL REFERENCES account (id),
    day         DATE         NOT NULL,
    rolled_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, day)
);

-- The calls of a project created in one 15-minute slice (UTC), by how those that ended unanswered
-- ended (reason '' for the others).
CREATE TABLE call_stats_slice (
    account_id    VARCHAR(34)     NOT NULL,
    project_id    VARCHAR(34)     NOT NULL,
    slice         TIMESTAMPTZ     NOT NULL,
    reason        VARCHAR(128)    NOT NULL,
    calls         BIGINT          NOT NULL,
    answered      BIGINT          NOT NULL,
    failed        BIGINT          NOT NULL,
    talked        BIGINT          NOT NULL,
    talk_seconds  NUMERIC(20, 6)  NOT NULL,
    cost          NUMERIC(19, 6)  NOT NULL,
    PRIMARY KEY (account_id, slice, project_id, reason)
);

-- Rolling up a day, and the calls of the days not rolled up yet, read an account's calls by
-- creation time: with these columns in the index that is an index-only range scan.
CREATE INDEX call_account_stats_idx ON call (account_id, created_at)
    INCLUDE (project_id, answered_at, ended_at, cost, end_reason);
