// /w/:slug/billing — the workspace's tier, usage against it, and its Stripe subscription (owners only).
import { BillingButton } from "@/components/billing/billing-button";
import { CheckoutPending } from "@/components/billing/checkout-pending";
import { NoAccess } from "@/components/dashboard/no-access";
import { PageHeader } from "@/components/dashboard/page-header";
import { UsageMeters } from "@/components/dashboard/usage-meters";
import { site } from "@/config/site";
import { getTier, TIER_LIST, tierRanksAbove, type Tier } from "@/config/tiers";
import { getBilling, type BillingSummary } from "@/lib/billing/get-billing";
import { formatUsd } from "@/lib/spend/money";
import { formatLimit, formatPrice } from "@/lib/tiers/format-limit";
import { getUsage } from "@/lib/usage/get-usage";
import { loadWorkspace, loadWorkspaceFor } from "../load-workspace";

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
const formatDate = (iso: string) => dateFormat.format(new Date(iso));

function SubscriptionStatus({ subscription }: { subscription: NonNullable<BillingSummary["subscription"]> }) {
  const tierName = subscription.tier ? getTier(subscription.tier).name : "Unknown plan";
  if (subscription.status === "past_due" && subscription.active && subscription.graceEndsAt) {
    return (
      <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
        The last payment for {tierName} failed. Update your card with Manage billing before {formatDate(subscription.graceEndsAt)}, or the
        workspace moves to the Free tier.
      </p>
    );
  }
  if (!subscription.active) {
    return (
      <p className="text-sm text-slate-600">
        Your {tierName} subscription ended ({subscription.status.replace("_", " ")}).
      </p>
    );
  }
  return (
    <p className="text-sm text-slate-700" data-testid="subscription-status">
      {subscription.cancelAtPeriodEnd
        ? `${tierName} is cancelled and stays active until ${formatDate(subscription.periodEnd)}; then the workspace moves to Free.`
        : `${tierName} renews on ${formatDate(subscription.periodEnd)}.`}
    </p>
  );
}

/** This period's billed overage against what Stripe has been told (they differ while events are pending). */
function OverageReconciliationLine({ overage }: { overage: NonNullable<BillingSummary["overage"]> }) {
  const pending = overage.pendingEvents;
  return (
    <p className="text-sm text-slate-600" data-testid="overage-reconciliation">
      Model-spend overage this period: {formatUsd(overage.overageMicros)}, reported to Stripe: {formatUsd(overage.reportedMicros)}
      {pending > 0 && ` (${pending} ${pending === 1 ? "event" : "events"} pending)`}
    </p>
  );
}

function PlanCard({ tier, slug, canBuy }: { tier: Tier; slug: string; canBuy: boolean }) {
  return (
    <div className="rounded-xl border border-slate-200 p-5" data-testid={`plan-${tier.id}`}>
      <div className="flex items-baseline justify-between">
        <h3 className="font-semibold">{tier.name}</h3>
        <span className="text-sm text-slate-600">{tier.priceUsd ? `${formatPrice(tier.priceUsd)}/month` : formatPrice(tier.priceUsd)}</span>
      </div>
      <ul className="mt-3 space-y-1 text-sm text-slate-600">
        <li>{formatLimit(tier.limits.apiCallsPerMonth)} API calls / month</li>
        <li>{formatLimit(tier.limits.agentMinutesPerMonth)} agent-minutes / month</li>
        <li>
          {formatLimit(tier.limits.concurrentRuns)} concurrent run{tier.limits.concurrentRuns === 1 ? "" : "s"}
        </li>
      </ul>
      <div className="mt-4">
        {tier.id === "enterprise" ? (
          <a href={`mailto:${site.supportEmail}?subject=AgentHQ%20Enterprise`} className="text-sm font-medium text-brand-700 underline">
            Contact us
          </a>
        ) : canBuy && tier.stripePriceEnv ? (
          <BillingButton
            endpoint={`/api/workspaces/${slug}/billing/checkout`}
            body={{ tier: tier.id }}
            label={`Upgrade to ${tier.name}`}
            primary
          />
        ) : null}
      </div>
    </div>
  );
}

export const metadata = { title: "Billing" };

export default async function BillingPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ checkout?: string }>;
}) {
  const { slug } = await params;
  const loaded = await loadWorkspaceFor(slug, "billing:read");
  if (!loaded) {
    const { workspace } = await loadWorkspace(slug);
    return <NoAccess title="Billing" role={workspace.role} who="Only owners can see and change billing." />;
  }
  const { workspace, ctx } = loaded;
  const [billing, usage, { checkout }] = await Promise.all([getBilling(ctx), getUsage(ctx), searchParams]);
  const tier = getTier(workspace.tier);
  const subscribed = billing.subscription?.active ?? false;
  // Back from Checkout before Stripe's webhook: no second purchase while the first is being confirmed.
  const confirming = checkout === "success" && !subscribed && billing.enabled;
  const higherTiers = TIER_LIST.filter((t) => tierRanksAbove(t.id, workspace.tier));

  return (
    <>
      <PageHeader title="Billing" description="Your tier, what it includes, and your subscription." />
      {confirming && <CheckoutPending />}
      {checkout === "cancelled" && <p className="mt-6 text-sm text-slate-600">Checkout was cancelled; nothing was charged.</p>}

      <section className="mt-6 space-y-4" aria-labelledby="current-tier">
        <h2 id="current-tier" className="text-lg font-semibold">
          Current tier: <span data-testid="current-tier">{tier.name}</span>
        </h2>
        {billing.subscription && <SubscriptionStatus subscription={billing.subscription} />}
        <UsageMeters usage={usage} />
        <p className="text-sm text-slate-600">
          Rate limit: {formatLimit(tier.limits.apiCallsPerMinute)} API calls per minute · Members: {formatLimit(tier.limits.members)}
        </p>
        {billing.overage && <OverageReconciliationLine overage={billing.overage} />}
        {billing.enabled && billing.hasBillingAccount && (
          <BillingButton endpoint={`/api/workspaces/${slug}/billing/portal`} label="Manage billing" />
        )}
      </section>

      {!billing.enabled ? (
        <section
          className="mt-8 max-w-2xl rounded-xl border border-slate-200 bg-slate-50 p-5 text-sm text-slate-700"
          data-testid="billing-off"
        >
          <h2 className="font-semibold text-slate-900">Billing is off on this installation</h2>
          <p className="mt-2">
            No Stripe key is configured, so nothing is charged here. An administrator sets each workspace&apos;s tier with{" "}
            <code className="rounded bg-white px-1">npm run admin -- set-tier {slug} &lt;tier&gt;</code>.
          </p>
        </section>
      ) : (
        higherTiers.length > 0 &&
        !confirming && (
          <section className="mt-8" aria-labelledby="plans">
            <h2 id="plans" className="text-lg font-semibold">
              {subscribed ? "Change plan" : "Upgrade"}
            </h2>
            {subscribed && <p className="mt-1 text-sm text-slate-600">Plan changes and cancellation go through Manage billing.</p>}
            <div className="mt-4 grid gap-4 md:grid-cols-3">
              {higherTiers.map((t) => (
                <PlanCard key={t.id} tier={t} slug={slug} canBuy={!subscribed} />
              ))}
            </div>
          </section>
        )
      )}
    </>
  );
}
