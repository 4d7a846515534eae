// A workspace's webhook endpoints, managed by its owners and admins: at most 10, each with its own
// signing secret (shown when it is made and when it is rotated, never again). The URL is checked against
// the egress guard when saved, so a private or metadata address is refused with a clear 400.
import { recordAudit } from "@/lib/audit/record-audit";
import { inWorkspace, type Tx } from "@/lib/db/tenant";
import { assertPublicUrl, EgressError } from "@/lib/egress/egress-fetch";
import { AppError } from "@/lib/errors/app-error";
import { assertCan } from "@/lib/members/permissions";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { MAX_ENDPOINTS_PER_WORKSPACE, toEndpointView, type CreateWebhookInput, type WebhookEndpointView } from "./webhook-schemas";
import { createEndpointSecret, deleteEndpointSecrets, rotateEndpointSecret } from "./webhook-secrets";

const notFound = () => new AppError("not_found", "No webhook endpoint with this id in this workspace.");

async function assertCallableUrl(url: string) {
  try {
    await assertPublicUrl(url);
  } catch (error) {
    if (error instanceof EgressError)
      throw new AppError("invalid_request", error.message, { fieldErrors: [{ path: "url", message: error.message }] });
    throw error;
  }
}

/** The endpoint, or 404 (another workspace's endpoint looks exactly like a missing one). */
export async function findEndpoint(tx: Tx, workspaceId: string, endpointId: string) {
  const endpoint = await tx.webhookEndpoint.findFirst({ where: { id: endpointId, workspaceId } });
  if (!endpoint) throw notFound();
  return endpoint;
}

export async function listWebhookEndpoints(ctx: WorkspaceContext): Promise<WebhookEndpointView[]> {
  assertCan(ctx.role, "webhooks:manage");
  const rows = await inWorkspace(ctx.workspaceId, (tx) =>
    tx.webhookEndpoint.findMany({ where: { workspaceId: ctx.workspaceId }, orderBy: { createdAt: "asc" } }),
  );
  return rows.map(toEndpointView);
}

export async function createWebhookEndpoint(
  ctx: WorkspaceContext,
  input: CreateWebhookInput,
): Promise<WebhookEndpointView & { secret: string }> {
  assertCan(ctx.role, "webhooks:manage");
  await assertCallableUrl(input.url);
  return inWorkspace(ctx.workspaceId, async (tx) => {
    // Serialises creation per workspace, so concurrent requests cannot pass the limit together.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`webhook-endpoints:${ctx.workspaceId}`}))`;
    if ((await tx.webhookEndpoint.count({ where: { workspaceId: ctx.workspaceId } })) >= MAX_ENDPOINTS_PER_WORKSPACE) {
      throw new AppError("conflict", `A workspace has at most ${MAX_ENDPOINTS_PER_WORKSPACE} webhook endpoints. Remove one first.`);
    }
    const row = await tx.webhookEndpoint.create({
      data: {
        workspaceId: ctx.workspaceId,
        url: input.url,
        events: input.events,
        description: input.description ?? null,
        createdById: ctx.actorId,
      },
    });
    const secret = await createEndpointSecret(tx, ctx.workspaceId, row.id, ctx.actorId);
    await recordAudit(tx, {
      workspaceId: ctx.workspaceId,
      actorId: ctx.actorId,
      action: "webhook.created",
      target: row.id,
      metadata: { url: row.url, events: row.events },
    });
    return { ...toEndpointView(row), secret };
  });
}

/** Removes the endpoint, its deliveries and its secrets; deliveries in flight end with it. */
export async function deleteWebhookEndpoint(ctx: WorkspaceContext, endpointId: string): Promise<{ id: string; deleted: true }> {
  assertCan(ctx.role, "webhooks:manage");
  return inWorkspace(ctx.workspaceId, async (tx) => {
    const { count } = await tx.webhookEndpoint.deleteMany({ where: { id: endpointId, workspaceId: ctx.workspaceId } });
    if (count !== 1) throw notFound();
    await deleteEndpointSecrets(tx, ctx.workspaceId, endpointId);
    await recordAudit(tx, { workspaceId: ctx.workspaceId, actorId: ctx.actorId, action: "webhook.deleted", target: endpointId });
    return { id: endpointId, deleted: true as const };
  });
}

/** A new secret, shown this once; the previous one keeps verifying for a day, so receivers can switch. */
export async function rotateWebhookSecret(
  ctx: WorkspaceContext,
  endpointId: string,
): Promise<{ id: string; secret: string; previousSecretExpiresAt: string }> {
  assertCan(ctx.role, "webhooks:manage");
  return inWorkspace(ctx.workspaceId, async (tx) => {
    await findEndpoint(tx, ctx.workspaceId, endpointId);
    const { secret, previousExpiresAt } = await rotateEndpointSecret(tx, ctx.workspaceId, endpointId, ctx.actorId);
    await recordAudit(tx, { workspaceId: ctx.workspaceId, actorId: ctx.actorId, action: "webhook.secret_rotated", target: endpointId });
    return { id: endpointId, secret, previousSecretExpiresAt: previousExpiresAt.toISOString() };
  });
}

/** Lets a disabled endpoint receive events again, with a clean failure count. */
export async function enableWebhookEndpoint(ctx: WorkspaceContext, endpointId: string): Promise<WebhookEndpointView> {
  assertCan(ctx.role, "webhooks:manage");
  return inWorkspace(ctx.workspaceId, async (tx) => {
    const endpoint = await findEndpoint(tx, ctx.workspaceId, endpointId);
    if (!endpoint.disabledAt) return toEndpointView(endpoint);
    const enabled = await tx.webhookEndpoint.update({
      where: { id: endpointId, workspaceId: ctx.workspaceId },
      data: { disabledAt: null, disabledReason: null, consecutiveFailures: 0 },
    });
    await recordAudit(tx, { workspaceId: ctx.workspaceId, actorId: ctx.actorId, action: "webhook.enabled", target: endpointId });
    return toEndpointView(enabled);
  });
}
