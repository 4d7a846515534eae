-- Metering of one v1 API call, the statement on every request of the public API: the period's counter
-- rises by one unless that would pass the cap, and the call's ledger row is written, in one transaction.
-- Leaner than app_record_usage, which serves every metric: the call's idempotency key is made here from
-- the row's id (so no client can replay its way past counting, and there is nothing to probe for), and
-- the counter row is created only when the period has none yet.
--
-- The transaction commits without waiting for the WAL flush (synchronous_commit off for this transaction
-- only). Counting and refusing stay exact; only a crash of PostgreSQL itself within ~0.6 s of the call
-- could forget it, never count it twice. Agent-seconds and money keep synchronous commits.
CREATE FUNCTION app_count_api_call(
  p_workspace_id TEXT,
  p_period_start TIMESTAMP(3),
  p_cap BIGINT
) RETURNS TABLE (used BIGINT, admitted BOOLEAN)
LANGUAGE plpgsql AS
$$
DECLARE
  v_used BIGINT;
  v_id TEXT := gen_random_uuid()::TEXT;
BEGIN
  PERFORM set_config('app.workspace_id', p_workspace_id, true);
  PERFORM set_config('synchronous_commit', 'off', true);

  LOOP
    -- The conditional update takes the counter's row lock: concurrent calls at the edge of the cap are
    -- admitted one at a time, exactly as many as fit.
    UPDATE "UsageCounter" c SET used = c.used + 1
     WHERE c."workspaceId" = p_workspace_id AND c.metric = 'api_calls' AND c."periodStart" = p_period_start
       AND (p_cap IS NULL OR c.used + 1 <= p_cap)
    RETURNING c.used INTO v_used;
    EXIT WHEN FOUND;

    SELECT c.used INTO v_used FROM "UsageCounter" c
     WHERE c."workspaceId" = p_workspace_id AND c.metric = 'api_calls' AND c."periodStart" = p_period_start;
    IF NOT FOUND THEN
      -- The period's first call: create its counter (a concurrent first call may win), then count again.
      INSERT INTO "UsageCounter" (id, "workspaceId", metric, "periodStart", used)
      VALUES (gen_random_uuid()::TEXT, p_workspace_id, 'api_calls', p_period_start, 0)
      ON CONFLICT ("workspaceId", metric, "periodStart") DO NOTHING;
    ELSIF p_cap IS NOT NULL AND v_used + 1 > p_cap THEN
      RETURN QUERY SELECT v_used, FALSE; -- at the cap
      RETURN;
    END IF;
    -- Else a concurrent first call created the counter after the update looked: count again.
  END LOOP;

  INSERT INTO "UsageEvent" (id, "workspaceId", metric, quantity, "idempotencyKey", "periodStart")
  VALUES (v_id, p_workspace_id, 'api_calls', 1, 'api:' || v_id, p_period_start);

  RETURN QUERY SELECT v_used, TRUE;
END
$$;
REVOKE ALL ON FUNCTION app_count_api_call(TEXT, TIMESTAMP(3), BIGINT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_count_api_call(TEXT, TIMESTAMP(3), BIGINT) TO agenthq_app;
