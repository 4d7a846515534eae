// POST /api/v1/webhooks/:id/rotate-secret — a new signing secret, shown this once; the old one keeps
// signing alongside it for 24 hours.
import { v1Route } from "@/lib/api/v1-route";
import { jsonOf } from "@/lib/http/route";
import { rotateWebhookSecret } from "@/lib/webhooks/webhook-endpoints";
import { rotatedWebhookSecretSchema } from "@/lib/webhooks/webhook-schemas";

export const POST = v1Route<{ id: string }>({ scope: "webhooks:write" }, async ({ ctx, params }) =>
  jsonOf(rotatedWebhookSecretSchema, await rotateWebhookSecret(ctx, params.id), 200, { "cache-control": "no-store" }),
);
