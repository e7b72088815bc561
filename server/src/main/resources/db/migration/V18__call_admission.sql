-- Admits a call that its placement has just written, in the placement's transaction (see
-- CallAdmission): locks the account, the lock every decision on its calls and its balance takes,
-- then counts its other live calls and what they hold back of the balance. Returns 0 when the call
-- may stay, 1 when the account already has its calls at once, 2 when a priced call's first
-- increment is more than the available balance; the caller rolls back on 1 and 2.
--
-- A function, so that the lock is taken, used and handed back to the caller's COMMIT in one round
-- trip: when the JVM sent the count and the balance check as statements of their own, the lock was
-- held while it was between them, and the account's placements queued behind it
-- (docs/performance.md, "What holds the closed loop back now").
--
-- Each statement of a VOLATILE plpgsql function reads a snapshot of its own, taken when it starts:
-- so the count, after the lock, sees every call whose placement held the lock before this one and
-- committed. A sub-query of the locking statement would not (its snapshot is taken before any wait
-- for the lock).
CREATE FUNCTION admit_call(p_account_id VARCHAR, p_call_id VARCHAR, p_default_calls_at_once INTEGER,
                           p_first_increment_cost NUMERIC)
    RETURNS INTEGER
    LANGUAGE plpgsql
    VOLATILE
AS $$
DECLARE
    v_calls_at_once INTEGER;
    v_balance       NUMERIC;
    v_live          BIGINT;
    v_reserved      NUMERIC;
BEGIN
    SELECT coalesce(calls_at_once, p_default_calls_at_once), balance
      INTO v_calls_at_once, v_balance
      FROM account WHERE id = p_account_id FOR NO KEY UPDATE;
    -- call_account_live_idx (V4)
    SELECT count(*), coalesce(sum(reserved_amount), 0)
      INTO v_live, v_reserved
      FROM call
     WHERE account_id = p_account_id AND id <> p_call_id AND status IN ('CALLING', 'RINGING', 'ANSWERED');
    IF v_live >= v_calls_at_once THEN
        RETURN 1;
    END IF;
    IF p_first_increment_cost IS NOT NULL AND v_balance - v_reserved < p_first_increment_cost THEN
        RETURN 2;
    END IF;
    RETURN 0;
END
$$;
