-- 200,000 calls of three accounts over 30 days, most ended, and 60 live ones (setup.sh).
SET search_path = bench;
INSERT INTO account (id, name, secret, balance, currency)
  SELECT 'AC' || md5('a' || a), 'Account ' || a, md5(a::text), 0, 'USD' FROM generate_series(1, 3) a;
INSERT INTO project (id, account_id, name, api_key_sid, api_key_secret, signing_secret)
  SELECT 'PJ' || md5(a || '-' || p), 'AC' || md5('a' || a), 'App ' || p, 'SK' || md5('k' || a || '-' || p), md5(p::text), md5(a::text || p)
  FROM generate_series(1, 3) a, generate_series(1, 4) p;
-- account 1: 150,000 calls (project 4 small: 1 in 100), account 2: 40,000, account 3: 10,000, over 30 days
INSERT INTO call (id, account_id, project_id, direction, status, from_number, from_alias, from_type,
  to_number, to_alias, to_type, from_user_id, to_user_id, answered_device_id, video_call, end_reason,
  sip_code, created_at, ringing_at, answered_at, ended_at, billed_seconds, cost, currency)
SELECT 'call-' || md5(g.a::text || '-' || g.i::text), 'AC' || md5('a' || g.a),
  'PJ' || md5(g.a || '-' || (CASE WHEN g.i % 100 = 0 THEN 4 ELSE 1 + g.i % 3 END)), 'APP_TO_APP',
  CASE WHEN g.i % 10 < 7 THEN 'ENDED' WHEN g.i % 10 < 9 THEN 'BUSY' ELSE 'ENDED' END,
  'user-' || (g.i % 50), 'User ' || (g.i % 50), 'INTERNAL', 'user-' || (g.i / 50 % 50), NULL, 'INTERNAL',
  'user-' || (g.i % 50), 'user-' || (g.i / 50 % 50), CASE WHEN g.i % 10 < 7 THEN 'device-1' END, g.i % 20 = 0,
  CASE WHEN g.i % 10 < 7 THEN 'Ended' WHEN g.i % 10 < 9 THEN 'Busy here' ELSE 'No answer' END,
  CASE WHEN g.i % 10 < 7 THEN NULL WHEN g.i % 10 < 9 THEN 486 ELSE 480 END,
  g.t, g.t + interval '1 second', CASE WHEN g.i % 10 < 7 THEN g.t + interval '3 seconds' END,
  g.t + interval '3 seconds' + (g.i % 600) * interval '1 second', CASE WHEN g.i % 10 < 7 THEN g.i % 600 END,
  CASE WHEN g.i % 10 < 7 THEN (g.i % 600) * 0.0002 END, 'USD'
FROM (SELECT a, i, now() - interval '10 minutes' - i * (interval '30 days' / n) AS t
      FROM (VALUES (1, 150000), (2, 40000), (3, 10000)) AS s(a, n), generate_series(0, n - 1) AS i) AS g;
-- 60 calls in progress: 20 per account, half answered, half ringing
INSERT INTO call (id, account_id, project_id, direction, status, from_number, from_type, to_number, to_type,
  caller_connection_id, answered_connection_id, created_at, ringing_at, answered_at, ring_deadline, connect_deadline)
SELECT 'live-' || a || '-' || i, 'AC' || md5('a' || a), 'PJ' || md5(a || '-1'), 'APP_TO_APP',
  CASE WHEN i % 2 = 0 THEN 'ANSWERED' ELSE 'RINGING' END, 'user-1', 'INTERNAL', 'user-2', 'INTERNAL',
  'conn-c-' || a || '-' || i, CASE WHEN i % 2 = 0 THEN 'conn-a-' || a || '-' || i END,
  now() - i * interval '1 second', now(), CASE WHEN i % 2 = 0 THEN now() END,
  CASE WHEN i % 2 = 1 THEN now() + interval '30 seconds' END, CASE WHEN i % 2 = 0 THEN now() + interval '1 hour' END
FROM generate_series(1, 3) a, generate_series(1, 20) i;
SELECT account_id, count(*) FROM call GROUP BY 1 ORDER BY 1;
