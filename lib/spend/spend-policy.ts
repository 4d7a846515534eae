// How far a workspace's model spend may go this period, decided in one place: the included amount (the
// tier's, or one the admin CLI set), the cap (2x on paid tiers when overage is billed, else the included
// amount; lowered by an owner's spend limit), where billed overage starts, and what happens at the cap.
import { env } from "@/config/env";
import { billsOverage, getTier, type AtCap, type TierId } from "@/config/tiers";
import { billingEnabled } from "@/lib/billing/stripe-client";
import { inWorkspace } from "@/lib/db/tenant";
import { usdToMicros } from "./money";

export interface SpendWorkspace {
  id: string;
  tier: TierId;
  spendLimitMicros: bigint | number | null;
  modelBudgetMicros: bigint | number | null;
  /** Overage can be invoiced only to a workspace that pays through Stripe. */
  stripeCustomerId: string | null;
}

/** The Workspace columns the policy reads. */
export const SPEND_WORKSPACE_FIELDS = {
  id: true,
  tier: true,
  spendLimitMicros: true,
  modelBudgetMicros: true,
  stripeCustomerId: true,
} as const;

export interface SpendPolicy {
  /** Included in the tier this period; null: no fixed amount (Enterprise without a contract budget). */
  includedMicros: number | null;
  /** The most the period's spend (settled plus reserved) may reach; null: no cap. */
  capMicros: number | null;
  /** Spend above this is billed as overage through Stripe; null: nothing is billed. */
  overageFromMicros: number | null;
  /** What reaching the cap does: refuse the run, or pause the workspace (a paid tier past its overage). */
  atCap: AtCap;
  /** Which rule sets the cap. */
  capSetBy: "tier" | "spend_limit";
}

/** Overage can be billed only with billing on and a metered overage price configured. */
export function overageBillable(): boolean {
  return billingEnabled() && Boolean(env.STRIPE_PRICE_MODEL_OVERAGE);
}

const toNumber = (value: bigint | number | null) => (value === null ? null : Number(value));

export function spendPolicy(workspace: SpendWorkspace): SpendPolicy {
  const tier = getTier(workspace.tier);
  const included =
    toNumber(workspace.modelBudgetMicros) ??
    (tier.limits.includedModelSpendUsd === null ? null : usdToMicros(tier.limits.includedModelSpendUsd));
  const billed = overageBillable() && billsOverage(tier) && included !== null && workspace.stripeCustomerId !== null;
  const tierCap = included === null ? null : billed ? included * tier.overageCap : included;
  const limit = toNumber(workspace.spendLimitMicros);
  if (limit !== null && (tierCap === null || limit < tierCap)) {
    return {
      includedMicros: included,
      capMicros: limit,
      overageFromMicros: billed ? included : null,
      atCap: "refuse",
      capSetBy: "spend_limit",
    };
  }
  return {
    includedMicros: included,
    capMicros: tierCap,
    overageFromMicros: billed ? included : null,
    atCap: billed ? tier.atCap : "refuse",
    capSetBy: "tier",
  };
}

/** The workspace's spend settings, for the policy. */
export async function loadSpendWorkspace(workspaceId: string): Promise<SpendWorkspace> {
  return inWorkspace(workspaceId, (tx) => tx.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: SPEND_WORKSPACE_FIELDS }));
}
