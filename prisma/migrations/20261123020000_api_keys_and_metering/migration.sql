-- System function: an API key by the SHA-256 of its secret, before the tenant is known (authenticating a
-- v1 request). Returns the one matching key with its workspace and its creator's current role, nothing
-- else. Runs with the owner's rights.
CREATE FUNCTION app_api_key_by_hash(key_hash TEXT)
RETURNS TABLE (
  id TEXT,
  "workspaceId" TEXT,
  "createdById" TEXT,
  scopes TEXT[],
  "expiresAt" TIMESTAMP(3),
  "revokedAt" TIMESTAMP(3),
  "lastUsedAt" TIMESTAMP(3),
  slug TEXT,
  name TEXT,
  tier "Tier",
  status "WorkspaceStatus",
  "pausedReason" TEXT,
  "creatorRole" "Role"
)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT k.id, k."workspaceId", k."createdById", k.scopes, k."expiresAt", k."revokedAt", k."lastUsedAt",
          w.slug, w.name, w.tier, w.status, w."pausedReason", m.role
     FROM "ApiKey" k
     JOIN "Workspace" w ON w.id = k."workspaceId"
     LEFT JOIN "Membership" m ON m."workspaceId" = k."workspaceId" AND m."userId" = k."createdById"
    WHERE k.hash = key_hash $$;
REVOKE ALL ON FUNCTION app_api_key_by_hash(TEXT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_api_key_by_hash(TEXT) TO agenthq_app;

-- Metering in one round trip: writes a usage event to the ledger and adds it to the period's counter,
-- atomically and idempotently. `cap` (NULL: none) is the most the counter may reach; an event that does
-- not fit is refused and nothing is written. A key seen before is a no-op that reports the counter.
-- Runs as the caller (SECURITY INVOKER), so row-level security applies to everything it touches.
CREATE FUNCTION app_record_usage(
  p_workspace_id TEXT,
  p_metric "UsageMetric",
  p_quantity INTEGER,
  p_idempotency_key TEXT,
  p_period_start TIMESTAMP(3),
  p_cap BIGINT
) RETURNS TABLE (used BIGINT, admitted BOOLEAN, duplicate BOOLEAN)
LANGUAGE plpgsql AS
$$
DECLARE
  v_used BIGINT;
BEGIN
  PERFORM set_config('app.workspace_id', p_workspace_id, true);

  IF EXISTS (SELECT 1 FROM "UsageEvent" e
              WHERE e."workspaceId" = p_workspace_id AND e."idempotencyKey" = p_idempotency_key) THEN
    SELECT c.used INTO v_used FROM "UsageCounter" c
     WHERE c."workspaceId" = p_workspace_id AND c.metric = p_metric AND c."periodStart" = p_period_start;
    RETURN QUERY SELECT COALESCE(v_used, 0::BIGINT), TRUE, TRUE;
    RETURN;
  END IF;

  INSERT INTO "UsageCounter" (id, "workspaceId", metric, "periodStart", used)
  VALUES (gen_random_uuid()::TEXT, p_workspace_id, p_metric, p_period_start, 0)
  ON CONFLICT ("workspaceId", metric, "periodStart") DO NOTHING;

  -- The conditional update takes the counter's row lock: concurrent callers at the edge of the cap are
  -- admitted one at a time, exactly as many as fit.
  UPDATE "UsageCounter" c SET used = c.used + p_quantity
   WHERE c."workspaceId" = p_workspace_id AND c.metric = p_metric AND c."periodStart" = p_period_start
     AND (p_cap IS NULL OR c.used + p_quantity <= p_cap)
  RETURNING c.used INTO v_used;

  IF NOT FOUND THEN
    SELECT c.used INTO v_used FROM "UsageCounter" c
     WHERE c."workspaceId" = p_workspace_id AND c.metric = p_metric AND c."periodStart" = p_period_start;
    RETURN QUERY SELECT v_used, FALSE, FALSE;
    RETURN;
  END IF;

  INSERT INTO "UsageEvent" (id, "workspaceId", metric, quantity, "idempotencyKey", "periodStart")
  VALUES (gen_random_uuid()::TEXT, p_workspace_id, p_metric, p_quantity, p_idempotency_key, p_period_start)
  ON CONFLICT ("workspaceId", "idempotencyKey") DO NOTHING;
  IF NOT FOUND THEN
    -- A concurrent call with the same key got there first: take our increment back.
    UPDATE "UsageCounter" c SET used = c.used - p_quantity
     WHERE c."workspaceId" = p_workspace_id AND c.metric = p_metric AND c."periodStart" = p_period_start
    RETURNING c.used INTO v_used;
    RETURN QUERY SELECT v_used, TRUE, TRUE;
    RETURN;
  END IF;

  RETURN QUERY SELECT v_used, TRUE, FALSE;
END
$$;
REVOKE ALL ON FUNCTION app_record_usage(TEXT, "UsageMetric", INTEGER, TEXT, TIMESTAMP(3), BIGINT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_record_usage(TEXT, "UsageMetric", INTEGER, TEXT, TIMESTAMP(3), BIGINT) TO agenthq_app;
