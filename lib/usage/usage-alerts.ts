// Usage alerts: when a workspace's use of a metric crosses 80% and 100% of its included quota in a period
// (model spend: 50%, 80% and 100% of its spend limit, or of its included spend), its owners are told once:
// an audit entry, an email (when SMTP is configured), the dashboard banner and a usage.alert webhook.
import type { TierId } from "@/config/tiers";
import { recordAudit } from "@/lib/audit/record-audit";
import { inWorkspace } from "@/lib/db/tenant";
import type { UsageMetric } from "@/lib/generated/prisma/enums";
import { describeError, logger } from "@/lib/log/logger";
import { quoteTenantText } from "@/lib/mail/quote-tenant-text";
import { sendMail } from "@/lib/mail/send-mail";
import { emitWebhookEvent } from "@/lib/webhooks/emit-webhook-event";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { METRIC_NAMES } from "./metric-names";
import { periodStart } from "./period";
import { includedQuota, type CountedMetric } from "./quota";

export const ALERT_THRESHOLDS = [80, 100] as const;
export const SPEND_ALERT_THRESHOLDS = [50, 80, 100] as const;

/** Alerts already recorded by this process, so the hot path does not write for them again. */
const sent = new Set<string>();

export async function checkUsageAlerts(workspace: { id: string; tier: TierId }, metric: CountedMetric, used: number): Promise<void> {
  return alertOnThresholds(workspace.id, metric, used, includedQuota(workspace.tier, metric), ALERT_THRESHOLDS);
}

/** Model spend: alerts against the owner's spend limit when one is set, else against the included spend. */
export async function checkSpendAlerts(workspaceId: string, usedMicros: number, baseMicros: number | null): Promise<void> {
  return alertOnThresholds(workspaceId, "model_spend", usedMicros, baseMicros, SPEND_ALERT_THRESHOLDS);
}

async function alertOnThresholds(
  workspaceId: string,
  metric: UsageMetric,
  used: number,
  included: number | null,
  thresholds: readonly number[],
) {
  if (included === null || included <= 0) return;
  const start = periodStart();
  for (const threshold of thresholds) {
    const key = `${workspaceId}:${metric}:${start.getTime()}:${threshold}`;
    if (used < (included * threshold) / 100 || sent.has(key)) continue;
    sent.add(key);
    try {
      await raiseAlert(workspaceId, metric, start, threshold);
    } catch (error) {
      sent.delete(key);
      logger.warn("could not record a usage alert", { workspaceId, metric, threshold, ...describeError(error) });
    }
  }
}

async function raiseAlert(workspaceId: string, metric: UsageMetric, start: Date, threshold: number) {
  const owners = await inWorkspace(workspaceId, async (tx) => {
    const created = await tx.usageAlert.createMany({
      data: [{ workspaceId, metric, periodStart: start, threshold }],
      skipDuplicates: true,
    });
    if (created.count === 0) return null; // another instance raised it
    await recordAudit(tx, { workspaceId, actorId: null, action: "usage.alert", target: metric, metadata: { threshold } });
    await emitWebhookEvent(tx, workspaceId, "usage.alert", { metric, threshold, periodStart: start.toISOString() });
    const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { name: true } });
    const members = await tx.membership.findMany({ where: { workspaceId, role: "owner" }, select: { user: { select: { email: true } } } });
    return { name: workspace.name, emails: members.map((m) => m.user.email) };
  });
  if (!owners) return;
  for (const to of owners.emails) {
    await sendMail({
      to,
      subject: `Your workspace has used ${threshold}% of its ${METRIC_NAMES[metric]} this month`,
      text: `Your AgentHQ workspace ${quoteTenantText(owners.name)} has used ${threshold}% of its ${metric === "model_spend" ? "monthly model budget (its spend limit, or the spend its tier includes)" : `${METRIC_NAMES[metric]} included in its tier`} this month.\n\nSee its usage page for details, and what happens at the limit.`,
    });
  }
}

/** The alerts of the current period, for the dashboard banner. */
export async function currentAlerts(ctx: WorkspaceContext) {
  const { workspaceId } = ctx;
  return inWorkspace(workspaceId, (tx) =>
    tx.usageAlert.findMany({
      where: { workspaceId, periodStart: periodStart() },
      orderBy: { threshold: "desc" },
      select: { metric: true, threshold: true },
    }),
  );
}
