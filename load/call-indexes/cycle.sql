SET search_path = bench;
-- N call cycles as the server writes them: INSERT (calling), UPDATE to ANSWERED, UPDATE to ENDED, each committed
CREATE OR REPLACE PROCEDURE bench.cycles(n int, tag text) LANGUAGE plpgsql AS $$
DECLARE
  acc text := 'AC' || md5('a3');
  prj text := 'PJ' || md5('3-1');
  cid text;
BEGIN
  FOR i IN 1..n LOOP
    cid := 'bench-' || tag || '-' || i;
    INSERT INTO bench.call (id, account_id, project_id, direction, status, from_number, from_type, to_number, to_type,
      from_user_id, to_user_id, caller_connection_id, ring_deadline, created_at)
    VALUES (cid, acc, prj, 'APP_TO_APP', 'CALLING', 'user-1', 'INTERNAL', 'user-2', 'INTERNAL', 'user-1', 'user-2',
      'conn-' || tag || '-' || i, now() + interval '30 seconds', clock_timestamp());
    COMMIT;
    UPDATE bench.call SET status = 'ANSWERED', answered_at = clock_timestamp(), answered_device_id = 'device-1',
      answered_connection_id = 'conn-b-' || tag || '-' || i, connect_deadline = now() + interval '1 hour',
      version = version + 1 WHERE id = cid AND status IN ('CALLING', 'RINGING');
    COMMIT;
    UPDATE bench.call SET status = 'ENDED', ended_at = clock_timestamp(), end_reason = 'Ended', billed_seconds = 1,
      version = version + 1 WHERE id = cid AND status = 'ANSWERED';
    COMMIT;
  END LOOP;
END $$;
