// How an audit entry reads on the audit-log page: one sentence from its action, target and metadata
// ("API key 'ci-bot' (ahq_live_…abcd) created", "Tier changed: Free → Pro"). Entries written before a
// detail was recorded read without it. Every action has a sentence: a new one does not compile without.
import { getTier, TIER_IDS, type TierId } from "@/config/tiers";
import { formatUsd } from "@/lib/spend/money";
import { METRIC_NAMES } from "@/lib/usage/metric-names";
import type { AuditAction } from "./record-audit";

export interface DescribableAuditEntry {
  action: string;
  target: string | null;
  metadata: unknown;
}

type Metadata = Record<string, unknown>;

const text = (m: Metadata, key: string): string | undefined => (typeof m[key] === "string" ? (m[key] as string) : undefined);
const micros = (m: Metadata, key: string): number | null | undefined =>
  typeof m[key] === "number" ? (m[key] as number) : m[key] === null ? null : undefined;

function metricName(value: unknown): string | undefined {
  return typeof value === "string" && Object.hasOwn(METRIC_NAMES, value) ? METRIC_NAMES[value as keyof typeof METRIC_NAMES] : undefined;
}

function tierName(value: unknown): string | undefined {
  return typeof value === "string" && (TIER_IDS as readonly string[]).includes(value) ? getTier(value as TierId).name : undefined;
}

/** `'name' (ahq_live_…abcd)`, with what the entry holds of the two. */
function keyLabel(m: Metadata): string {
  const name = text(m, "name");
  const display = text(m, "display");
  return ["API key", name && `'${name}'`, display && `(${display})`].filter(Boolean).join(" ");
}

/** A monthly amount's change: not recorded (older entries), cleared (null), or set to a sum. */
function monthlyAmount(value: number | null | undefined, words: { unknown: string; cleared: string; set: string }): string {
  if (value === undefined) return words.unknown;
  return value === null ? words.cleared : `${words.set} ${formatUsd(value)} a month`;
}

/** "Agent order-helper", or "Agent" when the entry names none. */
const named = (kind: string, target: string | null) => (target ? `${kind} ${target}` : kind);

function fromTo(m: Metadata, format: (value: unknown) => string | undefined = (v) => (typeof v === "string" ? v : undefined)): string {
  const from = format(m.from);
  const to = format(m.to);
  if (from && to) return `: ${from} → ${to}`;
  return to ? ` to ${to}` : "";
}

const SENTENCES: Record<AuditAction, (m: Metadata, target: string | null) => string> = {
  "key.created": (m) => `${keyLabel(m)} created`,
  "key.revoked": (m) => `${keyLabel(m)} revoked`,
  "tier.changed": (m) => `Tier changed${fromTo(m, tierName)}${m.source === "admin-cli" ? " (admin CLI)" : ""}`,
  "workspace.created": () => "Workspace created",
  "workspace.renamed": (m) => `Workspace renamed${fromTo(m)}`,
  "member.role_changed": (m) => `Member's role changed${fromTo(m)}`,
  "member.added": (m) => `Member added${text(m, "role") ? ` as ${text(m, "role")}` : ""}`,
  "member.removed": (m) => (m.left === true ? "Member left" : "Member removed"),
  "invitation.sent": (m, target) => `Invitation sent${target ? ` to ${target}` : ""}${text(m, "role") ? ` as ${text(m, "role")}` : ""}`,
  "invitation.accepted": (_m, target) => `Invitation${target ? ` to ${target}` : ""} accepted`,
  "invitation.revoked": () => "Invitation revoked",
  "usage.alert": (m, target) =>
    `Usage alert: ${typeof m.threshold === "number" ? `${m.threshold}% of ` : ""}${metricName(target) ?? "a quota"} used`,
  "workspace.paused": (m) => `Workspace paused${metricName(m.metric) ? `: ${metricName(m.metric)} used up` : ""}`,
  "workspace.resumed": () => "Workspace resumed",
  "spend_limit.changed": (m) =>
    monthlyAmount(micros(m, "limitMicros"), { unknown: "Spend limit changed", cleared: "Spend limit removed", set: "Spend limit set to" }),
  "model_budget.changed": (m) =>
    monthlyAmount(micros(m, "budgetMicros"), {
      unknown: "Included model spend changed",
      cleared: "Included model spend back to the tier's",
      set: "Included model spend set to",
    }),
  "billing.payment_failed": () => "A subscription payment failed",
  "agent.created": (_m, target) => `${named("Agent", target)} created`,
  "agent.updated": (m, target) => `${named("Agent", target)} edited${typeof m.version === "number" ? `: version ${m.version}` : ""}`,
  "agent.archived": (_m, target) => `${named("Agent", target)} archived`,
  "provider_key.set": (m) => `Own Anthropic key set${text(m, "last4") ? ` (…${text(m, "last4")})` : ""}`,
  "provider_key.removed": () => "Own Anthropic key removed",
  "model_connection.created": (m, target) =>
    `Model connection${target ? ` '${target}'` : ""} added${text(m, "baseUrl") ? ` (${text(m, "baseUrl")})` : ""}`,
  "model_connection.removed": (_m, target) => `Model connection${target ? ` '${target}'` : ""} removed`,
  "secret.set": (m, target) => `${named("Tool secret", target)} set${text(m, "last4") ? ` (…${text(m, "last4")})` : ""}`,
  "secret.removed": (_m, target) => `${named("Tool secret", target)} removed`,
  "tool_signing_secret.rotated": () => "Tool signing secret rotated",
  "webhook.created": (m) => `Webhook endpoint added${text(m, "url") ? `: ${text(m, "url")}` : ""}`,
  "webhook.deleted": () => "Webhook endpoint deleted",
  "webhook.enabled": () => "Webhook endpoint enabled",
  "webhook.disabled": () => "Webhook endpoint disabled after failing deliveries",
  "webhook.secret_rotated": () => "Webhook endpoint's signing secret rotated",
  "subscription.changed": (m) =>
    `Subscription ${text(m, "status")?.replace("_", " ") ?? "changed"}${tierName(m.tier) ? ` (${tierName(m.tier)})` : ""}`,
};

export function describeAuditEntry(entry: DescribableAuditEntry): string {
  const sentence = SENTENCES[entry.action as AuditAction];
  const metadata =
    entry.metadata !== null && typeof entry.metadata === "object" && !Array.isArray(entry.metadata) ? (entry.metadata as Metadata) : {};
  return sentence ? sentence(metadata, entry.target) : entry.action;
}
