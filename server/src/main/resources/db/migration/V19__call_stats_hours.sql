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
