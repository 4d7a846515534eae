-- Billing: the grace period of a failed payment, and the system functions Stripe's webhooks and the
-- billing sweep need before a tenant is known.

-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "pastDueSince" TIMESTAMP(3);

-- System function: the workspace of a Stripe customer (a webhook names only the customer). Runs with the
-- owner's rights; returns only the one workspace id.
CREATE FUNCTION app_workspace_by_stripe_customer(customer_id TEXT)
RETURNS TEXT
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT w.id FROM "Workspace" w WHERE w."stripeCustomerId" = customer_id $$;
REVOKE ALL ON FUNCTION app_workspace_by_stripe_customer(TEXT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_workspace_by_stripe_customer(TEXT) TO agenthq_app;

-- System function: paid workspaces whose entitlement may have lapsed without a webhook saying so, i.e.
-- a subscription past due for longer than the grace period, or one set to cancel whose period has ended.
-- The billing sweep re-evaluates each of them in its own tenant context.
CREATE FUNCTION app_workspaces_due_billing_review(grace_days INTEGER)
RETURNS TABLE ("workspaceId" TEXT)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT DISTINCT s."workspaceId"
     FROM "Subscription" s
     JOIN "Workspace" w ON w.id = s."workspaceId"
    WHERE w.tier IN ('starter', 'pro')
      AND ((s.status = 'past_due' AND s."pastDueSince" < (now() AT TIME ZONE 'UTC') - make_interval(days => grace_days))
           OR (s."cancelAtPeriodEnd" AND s."currentPeriodEnd" < (now() AT TIME ZONE 'UTC'))) $$;
REVOKE ALL ON FUNCTION app_workspaces_due_billing_review(INTEGER) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_workspaces_due_billing_review(INTEGER) TO agenthq_app;
