// What the billing page shows: whether billing is on, the subscription that sets the tier, and its state;
// with overage billed, this period's model-spend overage against what was reported to Stripe.
import { env } from "@/config/env";
import type { TierId } from "@/config/tiers";
import { inWorkspace } from "@/lib/db/tenant";
import { overageBillable } from "@/lib/spend/spend-policy";
import { periodStart } from "@/lib/usage/period";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { graceEndsAt, grantsTier } from "./entitlement";
import { overageReconciliation, type OverageReconciliation } from "./overage-reconciliation";
import { tierForPrice } from "./prices";
import { billingEnabled } from "./stripe-client";

export interface BillingSummary {
  enabled: boolean;
  hasBillingAccount: boolean;
  subscription: {
    tier: TierId | null;
    status: string;
    /** Renewal date, or the last paid day when cancelling. */
    periodEnd: string;
    cancelAtPeriodEnd: boolean;
    /** When a past-due subscription stops granting its tier. */
    graceEndsAt: string | null;
    active: boolean;
  } | null;
  /** This period's overage and what Stripe has of it; null while overage is not billed. */
  overage: OverageReconciliation | null;
}

export async function getBilling(ctx: WorkspaceContext): Promise<BillingSummary> {
  const { workspaceId } = ctx;
  const { workspace, subscriptions } = await inWorkspace(workspaceId, async (tx) => ({
    workspace: await tx.workspace.findUnique({ where: { id: workspaceId }, select: { stripeCustomerId: true } }),
    subscriptions: await tx.subscription.findMany({ where: { workspaceId }, orderBy: { updatedAt: "desc" } }),
  }));
  const now = new Date();
  const overage = overageBillable() ? await overageReconciliation(workspaceId, periodStart(now)) : null;
  const current = subscriptions.find((s) => grantsTier(s, now, env.BILLING_GRACE_DAYS)) ?? subscriptions[0];
  return {
    enabled: billingEnabled(),
    hasBillingAccount: Boolean(workspace?.stripeCustomerId),
    subscription: current
      ? {
          tier: tierForPrice(current.priceId),
          status: current.status,
          periodEnd: current.currentPeriodEnd.toISOString(),
          cancelAtPeriodEnd: current.cancelAtPeriodEnd,
          graceEndsAt: current.pastDueSince ? graceEndsAt(current.pastDueSince, env.BILLING_GRACE_DAYS).toISOString() : null,
          active: grantsTier(current, now, env.BILLING_GRACE_DAYS),
        }
      : null,
    overage,
  };
}
