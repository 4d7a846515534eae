// POST /api/workspaces/:slug/webhooks/:id/rotate-secret — a new signing secret, shown this once; the old
// one keeps signing alongside it for 24 hours.
import { jsonOf } from "@/lib/http/route";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { rotateWebhookSecret } from "@/lib/webhooks/webhook-endpoints";
import { rotatedWebhookSecretSchema } from "@/lib/webhooks/webhook-schemas";

export const POST = workspaceRoute<{ slug: string; id: string }>("webhooks:manage", async ({ ctx, params }) =>
  jsonOf(rotatedWebhookSecretSchema, await rotateWebhookSecret(ctx, params.id), 200, { "cache-control": "no-store" }),
);
