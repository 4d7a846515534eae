-- The billing sweep also reviews a paid workspace whose subscription should have renewed more than a day
-- ago without any event saying so (a lost renewal, a disabled webhook endpoint): it re-fetches the
-- subscription from Stripe.
CREATE OR REPLACE FUNCTION app_workspaces_due_billing_review(grace_days INTEGER)
RETURNS TABLE ("workspaceId" TEXT)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT DISTINCT s."workspaceId"
     FROM "Subscription" s
     JOIN "Workspace" w ON w.id = s."workspaceId"
    WHERE w.tier IN ('starter', 'pro')
      AND ((s.status = 'past_due' AND s."pastDueSince" < (now() AT TIME ZONE 'UTC') - make_interval(days => grace_days))
           OR (s."cancelAtPeriodEnd" AND s."currentPeriodEnd" < (now() AT TIME ZONE 'UTC'))
           OR (s.status IN ('active', 'trialing', 'past_due') AND s."currentPeriodEnd" < (now() AT TIME ZONE 'UTC') - interval '1 day')) $$;
