-- Limits in money: model turns are priced per turn (RunStep), their worst case is reserved against the
-- workspace's model budget before they are sent (SpendReservation) and settled to the actual cost after,
-- overage is reported to Stripe from an outbox (MeterEvent), and workspace secrets are stored encrypted.

-- AlterEnum
ALTER TYPE "UsageMetric" ADD VALUE 'model_spend';

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN "spendLimitMicros" BIGINT,
ADD COLUMN "modelBudgetMicros" BIGINT;

-- AlterTable
ALTER TABLE "Run" ADD COLUMN "maxCostMicros" BIGINT,
ADD COLUMN "inputTokens" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "outputTokens" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "cacheReadTokens" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "cacheWriteTokens" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "costMicros" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN "billedTo" TEXT;

-- AlterTable
ALTER TABLE "UsageCounter" ADD COLUMN "reserved" BIGINT NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "RunStep" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "turn" INTEGER NOT NULL,
    "provider" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "inputTokens" INTEGER NOT NULL,
    "outputTokens" INTEGER NOT NULL,
    "cacheReadTokens" INTEGER NOT NULL,
    "cacheWriteTokens" INTEGER NOT NULL,
    "costMicros" BIGINT NOT NULL,
    "estimated" BOOLEAN NOT NULL DEFAULT false,
    "billedTo" TEXT NOT NULL,
    "latencyMs" INTEGER NOT NULL,
    "toolCalls" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RunStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SpendReservation" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "amountMicros" BIGINT NOT NULL,
    "periodStart" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "SpendReservation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeterEvent" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "periodStart" TIMESTAMP(3) NOT NULL,
    "valueMicros" BIGINT NOT NULL,
    "sourceKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,

    CONSTRAINT "MeterEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Secret" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "ciphertext" TEXT NOT NULL,
    "last4" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Secret_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RunStep_runId_attempt_turn_key" ON "RunStep"("runId", "attempt", "turn");
CREATE INDEX "RunStep_workspaceId_createdAt_idx" ON "RunStep"("workspaceId", "createdAt");
CREATE UNIQUE INDEX "SpendReservation_workspaceId_idempotencyKey_key" ON "SpendReservation"("workspaceId", "idempotencyKey");
CREATE INDEX "SpendReservation_status_expiresAt_idx" ON "SpendReservation"("status", "expiresAt");
CREATE UNIQUE INDEX "MeterEvent_workspaceId_sourceKey_key" ON "MeterEvent"("workspaceId", "sourceKey");
CREATE INDEX "MeterEvent_sentAt_createdAt_idx" ON "MeterEvent"("sentAt", "createdAt");
CREATE UNIQUE INDEX "Secret_workspaceId_name_key" ON "Secret"("workspaceId", "name");

-- AddForeignKey
ALTER TABLE "RunStep" ADD CONSTRAINT "RunStep_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RunStep" ADD CONSTRAINT "RunStep_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SpendReservation" ADD CONSTRAINT "SpendReservation_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MeterEvent" ADD CONSTRAINT "MeterEvent_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Secret" ADD CONSTRAINT "Secret_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Tenant isolation, as for every tenant table.
DO $$
DECLARE t TEXT;
BEGIN
  FOREACH t IN ARRAY ARRAY['RunStep', 'SpendReservation', 'MeterEvent', 'Secret'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING ("workspaceId" = app_current_workspace()) WITH CHECK ("workspaceId" = app_current_workspace())',
      t);
  END LOOP;
END
$$;

-- Reserving a model turn's worst case before it is sent, in one atomic statement: the counter's
-- `reserved` grows only while used + reserved stays within `p_cap` (NULL: no cap), so concurrent turns
-- at the edge of a budget admit exactly what fits. A key reserved before answers as it did (admitted).
-- Runs as the caller, so row-level security applies.
CREATE FUNCTION app_reserve_spend(
  p_workspace_id TEXT,
  p_key TEXT,
  p_amount BIGINT,
  p_period_start TIMESTAMP(3),
  p_cap BIGINT,
  p_lease_seconds INTEGER
) RETURNS TABLE (admitted BOOLEAN, used BIGINT, reserved BIGINT)
LANGUAGE plpgsql AS
$$
DECLARE
  v_used BIGINT;
  v_reserved BIGINT;
BEGIN
  PERFORM set_config('app.workspace_id', p_workspace_id, true);

  IF EXISTS (SELECT 1 FROM "SpendReservation" r WHERE r."workspaceId" = p_workspace_id AND r."idempotencyKey" = p_key) THEN
    SELECT c.used, c.reserved INTO v_used, v_reserved FROM "UsageCounter" c
     WHERE c."workspaceId" = p_workspace_id AND c.metric = 'model_spend' AND c."periodStart" = p_period_start;
    RETURN QUERY SELECT TRUE, COALESCE(v_used, 0::BIGINT), COALESCE(v_reserved, 0::BIGINT);
    RETURN;
  END IF;

  INSERT INTO "UsageCounter" (id, "workspaceId", metric, "periodStart", used, reserved)
  VALUES (gen_random_uuid()::TEXT, p_workspace_id, 'model_spend', p_period_start, 0, 0)
  ON CONFLICT ("workspaceId", metric, "periodStart") DO NOTHING;

  UPDATE "UsageCounter" c SET reserved = c.reserved + p_amount
   WHERE c."workspaceId" = p_workspace_id AND c.metric = 'model_spend' AND c."periodStart" = p_period_start
     AND (p_cap IS NULL OR c.used + c.reserved + p_amount <= p_cap)
  RETURNING c.used, c.reserved INTO v_used, v_reserved;

  IF NOT FOUND THEN
    SELECT c.used, c.reserved INTO v_used, v_reserved FROM "UsageCounter" c
     WHERE c."workspaceId" = p_workspace_id AND c.metric = 'model_spend' AND c."periodStart" = p_period_start;
    RETURN QUERY SELECT FALSE, v_used, v_reserved;
    RETURN;
  END IF;

  INSERT INTO "SpendReservation" (id, "workspaceId", "idempotencyKey", "amountMicros", "periodStart", "expiresAt")
  VALUES (gen_random_uuid()::TEXT, p_workspace_id, p_key, p_amount, p_period_start,
          (now() AT TIME ZONE 'UTC') + make_interval(secs => p_lease_seconds))
  ON CONFLICT ("workspaceId", "idempotencyKey") DO NOTHING;
  IF NOT FOUND THEN
    -- A concurrent call with the same key got there first: take our reservation back.
    UPDATE "UsageCounter" c SET reserved = c.reserved - p_amount
     WHERE c."workspaceId" = p_workspace_id AND c.metric = 'model_spend' AND c."periodStart" = p_period_start
    RETURNING c.used, c.reserved INTO v_used, v_reserved;
  END IF;

  RETURN QUERY SELECT TRUE, v_used, v_reserved;
END
$$;
REVOKE ALL ON FUNCTION app_reserve_spend(TEXT, TEXT, BIGINT, TIMESTAMP(3), BIGINT, INTEGER) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_reserve_spend(TEXT, TEXT, BIGINT, TIMESTAMP(3), BIGINT, INTEGER) TO agenthq_app;

-- Settling a model turn, in one atomic statement: the turn's step and the run's totals; and, when the
-- platform pays (p_metered), the ledger entry with the actual cost, the counter (the reservation's hold
-- replaced by the actual cost, never capped: money already spent counts), the reservation closed, and
-- the overage above p_overage_from (NULL: not billed) written to the Stripe meter outbox. The turn's key
-- makes a repeat a no-op. Runs as the caller, so row-level security applies.
CREATE FUNCTION app_settle_spend(
  p_workspace_id TEXT,
  p_key TEXT,
  p_metered BOOLEAN,
  p_period_start TIMESTAMP(3),
  p_overage_from BIGINT,
  p_run_id TEXT,
  p_attempt INTEGER,
  p_turn INTEGER,
  p_provider TEXT,
  p_model TEXT,
  p_input_tokens INTEGER,
  p_output_tokens INTEGER,
  p_cache_read_tokens INTEGER,
  p_cache_write_tokens INTEGER,
  p_cost BIGINT,
  p_estimated BOOLEAN,
  p_latency_ms INTEGER,
  p_tool_calls TEXT[]
) RETURNS TABLE (used BIGINT, duplicate BOOLEAN)
LANGUAGE plpgsql AS
$$
DECLARE
  v_period TIMESTAMP(3) := p_period_start;
  v_release BIGINT := 0;
  v_status TEXT;
  v_used BIGINT := NULL;
  v_overage BIGINT;
BEGIN
  PERFORM set_config('app.workspace_id', p_workspace_id, true);

  INSERT INTO "RunStep" (id, "workspaceId", "runId", attempt, turn, provider, model, "inputTokens", "outputTokens",
                         "cacheReadTokens", "cacheWriteTokens", "costMicros", estimated, "billedTo", "latencyMs", "toolCalls")
  VALUES (gen_random_uuid()::TEXT, p_workspace_id, p_run_id, p_attempt, p_turn, p_provider, p_model, p_input_tokens,
          p_output_tokens, p_cache_read_tokens, p_cache_write_tokens, p_cost, p_estimated,
          CASE WHEN p_metered THEN 'platform' ELSE 'workspace' END, p_latency_ms, p_tool_calls)
  ON CONFLICT ("runId", attempt, turn) DO NOTHING;
  IF NOT FOUND THEN
    RETURN QUERY SELECT NULL::BIGINT, TRUE;
    RETURN;
  END IF;

  UPDATE "Run" r SET "inputTokens" = r."inputTokens" + p_input_tokens,
                     "outputTokens" = r."outputTokens" + p_output_tokens,
                     "cacheReadTokens" = r."cacheReadTokens" + p_cache_read_tokens,
                     "cacheWriteTokens" = r."cacheWriteTokens" + p_cache_write_tokens,
                     "costMicros" = r."costMicros" + p_cost,
                     "billedTo" = CASE WHEN p_metered THEN 'platform' ELSE 'workspace' END
   WHERE r.id = p_run_id AND r."workspaceId" = p_workspace_id;

  IF NOT p_metered THEN
    RETURN QUERY SELECT NULL::BIGINT, FALSE;
    RETURN;
  END IF;

  SELECT r.status, r."amountMicros", r."periodStart" INTO v_status, v_release, v_period
    FROM "SpendReservation" r
   WHERE r."workspaceId" = p_workspace_id AND r."idempotencyKey" = p_key
     FOR UPDATE;
  IF NOT FOUND THEN
    v_period := p_period_start;
    v_release := 0;
  ELSIF v_status <> 'open' THEN
    v_release := 0; -- released by the sweep already: only the actual cost is added
  END IF;
  UPDATE "SpendReservation" r SET status = 'settled', "closedAt" = now() AT TIME ZONE 'UTC'
   WHERE r."workspaceId" = p_workspace_id AND r."idempotencyKey" = p_key;

  INSERT INTO "UsageEvent" (id, "workspaceId", metric, quantity, "idempotencyKey", "periodStart")
  VALUES (gen_random_uuid()::TEXT, p_workspace_id, 'model_spend', p_cost::INTEGER, p_key, v_period);

  INSERT INTO "UsageCounter" (id, "workspaceId", metric, "periodStart", used, reserved)
  VALUES (gen_random_uuid()::TEXT, p_workspace_id, 'model_spend', v_period, 0, 0)
  ON CONFLICT ("workspaceId", metric, "periodStart") DO NOTHING;
  UPDATE "UsageCounter" c SET used = c.used + p_cost, reserved = greatest(0, c.reserved - v_release)
   WHERE c."workspaceId" = p_workspace_id AND c.metric = 'model_spend' AND c."periodStart" = v_period
  RETURNING c.used INTO v_used;

  IF p_overage_from IS NOT NULL THEN
    v_overage := greatest(0, v_used - p_overage_from) - greatest(0, v_used - p_cost - p_overage_from);
    IF v_overage > 0 THEN
      INSERT INTO "MeterEvent" (id, "workspaceId", "periodStart", "valueMicros", "sourceKey")
      VALUES (gen_random_uuid()::TEXT, p_workspace_id, v_period, v_overage, p_key);
    END IF;
  END IF;

  RETURN QUERY SELECT v_used, FALSE;
END
$$;
REVOKE ALL ON FUNCTION app_settle_spend(TEXT, TEXT, BOOLEAN, TIMESTAMP(3), BIGINT, TEXT, INTEGER, INTEGER, TEXT, TEXT, INTEGER, INTEGER, INTEGER, INTEGER, BIGINT, BOOLEAN, INTEGER, TEXT[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_settle_spend(TEXT, TEXT, BOOLEAN, TIMESTAMP(3), BIGINT, TEXT, INTEGER, INTEGER, TEXT, TEXT, INTEGER, INTEGER, INTEGER, INTEGER, BIGINT, BOOLEAN, INTEGER, TEXT[]) TO agenthq_app;

-- Releasing a workspace's open reservations: the one of key p_key_prefix (a turn that never reached the
-- provider), or, for a prefix ending in ':', all under it (every turn of a run whose worker died).
CREATE FUNCTION app_release_spend(p_workspace_id TEXT, p_key_prefix TEXT) RETURNS BIGINT
LANGUAGE plpgsql AS
$$
DECLARE
  v_released BIGINT := 0;
BEGIN
  PERFORM set_config('app.workspace_id', p_workspace_id, true);
  WITH closed AS (
    UPDATE "SpendReservation" r SET status = 'released', "closedAt" = now() AT TIME ZONE 'UTC'
     WHERE r."workspaceId" = p_workspace_id AND r.status = 'open'
       AND (r."idempotencyKey" = p_key_prefix OR (right(p_key_prefix, 1) = ':' AND starts_with(r."idempotencyKey", p_key_prefix)))
    RETURNING r."periodStart", r."amountMicros"
  ), totals AS (
    SELECT "periodStart", sum("amountMicros") AS amount FROM closed GROUP BY "periodStart"
  ), updated AS (
    UPDATE "UsageCounter" c SET reserved = greatest(0, c.reserved - t.amount)
      FROM totals t
     WHERE c."workspaceId" = p_workspace_id AND c.metric = 'model_spend' AND c."periodStart" = t."periodStart"
    RETURNING t.amount
  )
  SELECT COALESCE(sum(amount), 0) INTO v_released FROM updated;
  RETURN v_released;
END
$$;
REVOKE ALL ON FUNCTION app_release_spend(TEXT, TEXT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_release_spend(TEXT, TEXT) TO agenthq_app;

-- System function for the workers' sweep: releases every open reservation past its lease, across
-- workspaces (a worker that vanished mid-turn must not hold budget forever). Owner's rights.
CREATE FUNCTION app_release_expired_spend() RETURNS INTEGER
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
  v_count INTEGER := 0;
BEGIN
  WITH closed AS (
    UPDATE "SpendReservation" r SET status = 'released', "closedAt" = now() AT TIME ZONE 'UTC'
     WHERE r.status = 'open' AND r."expiresAt" < now() AT TIME ZONE 'UTC'
    RETURNING r."workspaceId", r."periodStart", r."amountMicros"
  ), totals AS (
    SELECT "workspaceId", "periodStart", sum("amountMicros") AS amount, count(*) AS n FROM closed GROUP BY 1, 2
  ), updated AS (
    UPDATE "UsageCounter" c SET reserved = greatest(0, c.reserved - t.amount)
      FROM totals t
     WHERE c."workspaceId" = t."workspaceId" AND c.metric = 'model_spend' AND c."periodStart" = t."periodStart"
    RETURNING t.n
  )
  SELECT COALESCE(sum(n), 0) INTO v_count FROM updated;
  RETURN v_count;
END
$$;
REVOKE ALL ON FUNCTION app_release_expired_spend() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_release_expired_spend() TO agenthq_app;

-- System functions for the meter outbox sender, which works across workspaces: the unsent events with
-- their workspace's Stripe customer, and marking one sent (or its failed attempt). Owner's rights.
CREATE FUNCTION app_pending_meter_events(p_limit INTEGER)
RETURNS TABLE (id TEXT, "workspaceId" TEXT, "valueMicros" BIGINT, "createdAt" TIMESTAMP(3), "stripeCustomerId" TEXT, attempts INTEGER)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT e.id, e."workspaceId", e."valueMicros", e."createdAt", w."stripeCustomerId", e.attempts
     FROM "MeterEvent" e JOIN "Workspace" w ON w.id = e."workspaceId"
    WHERE e."sentAt" IS NULL
    ORDER BY e."createdAt"
    LIMIT p_limit $$;
REVOKE ALL ON FUNCTION app_pending_meter_events(INTEGER) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_pending_meter_events(INTEGER) TO agenthq_app;

CREATE FUNCTION app_mark_meter_event(p_id TEXT, p_sent BOOLEAN, p_error TEXT) RETURNS VOID
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS
$$ UPDATE "MeterEvent" SET attempts = attempts + 1,
          "sentAt" = CASE WHEN p_sent THEN now() AT TIME ZONE 'UTC' ELSE NULL END,
          "lastError" = CASE WHEN p_sent THEN NULL ELSE left(p_error, 500) END
    WHERE id = p_id AND "sentAt" IS NULL $$;
REVOKE ALL ON FUNCTION app_mark_meter_event(TEXT, BOOLEAN, TEXT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_mark_meter_event(TEXT, BOOLEAN, TEXT) TO agenthq_app;

-- What admitting a new run needs to know, in one round trip (POST /api/v1/runs is a hot path): this
-- period's agent-seconds and model spend (settled and reserved), the workspace's spend settings, and
-- whether it stores its own provider key. Runs as the caller, so row-level security applies.
CREATE FUNCTION app_run_admission(p_workspace_id TEXT, p_period_start TIMESTAMP(3))
RETURNS TABLE (
  "agentSeconds" BIGINT,
  "spendUsed" BIGINT,
  "spendReserved" BIGINT,
  tier "Tier",
  "spendLimitMicros" BIGINT,
  "modelBudgetMicros" BIGINT,
  "stripeCustomerId" TEXT,
  "ownKey" BOOLEAN
)
LANGUAGE plpgsql AS
$$
BEGIN
  PERFORM set_config('app.workspace_id', p_workspace_id, true);
  RETURN QUERY
  SELECT COALESCE((SELECT c.used FROM "UsageCounter" c
                    WHERE c."workspaceId" = p_workspace_id AND c.metric = 'agent_seconds' AND c."periodStart" = p_period_start), 0),
         COALESCE(s.used, 0), COALESCE(s.reserved, 0),
         w.tier, w."spendLimitMicros", w."modelBudgetMicros", w."stripeCustomerId",
         EXISTS (SELECT 1 FROM "Secret" k WHERE k."workspaceId" = p_workspace_id AND k.name = 'anthropic_api_key')
    FROM "Workspace" w
    LEFT JOIN "UsageCounter" s ON s."workspaceId" = w.id AND s.metric = 'model_spend' AND s."periodStart" = p_period_start
   WHERE w.id = p_workspace_id;
END
$$;
REVOKE ALL ON FUNCTION app_run_admission(TEXT, TIMESTAMP(3)) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_run_admission(TEXT, TIMESTAMP(3)) TO agenthq_app;
