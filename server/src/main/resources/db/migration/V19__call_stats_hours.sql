-- The console's charts roll up finished UTC hours rather than whole days (issue 19, item 9): a
-- request then reads the raw calls of at most the last hour or so instead of all of today's. The
-- days already rolled up are their 24 hours; their slices stay as they are.
CREATE TABLE call_stats_hour (
    account_id  VARCHAR(34)  NOT NULL REFERENCES account (id),
    hour        TIMESTAMPTZ  NOT NULL,
    rolled_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, hour)
);

INSERT INTO call_stats_hour (account_id, hour, rolled_at)
SELECT d.account_id, (d.day::timestamp AT TIME ZONE 'UTC') + make_interval(hours => h), d.rolled_at
  FROM call_stats_day d CROSS JOIN generate_series(0, 23) AS h;

DROP TABLE call_stats_day;

-- An account token's chart read every project's slices and summed them: four projects, four
-- times the rows. Each rolled-up slice now also has an account-wide row, project_id '' (no
-- project id is empty), and the key leads with the project so that either is one range of it.
INSERT INTO call_stats_slice (account_id, project_id, slice, reason, calls, answered, failed, talked,
  talk_seconds, cost)
SELECT account_id, '', slice, reason, sum(calls), sum(answered), sum(failed), sum(talked), sum(talk_seconds),
       sum(cost)
  FROM call_stats_slice GROUP BY account_id, slice, reason;

ALTER TABLE call_stats_slice DROP CONSTRAINT call_stats_slice_pkey;
ALTER TABLE call_stats_slice ADD PRIMARY KEY (account_id, project_id, slice, reason);
