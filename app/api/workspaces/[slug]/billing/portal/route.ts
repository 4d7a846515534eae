// POST /api/workspaces/:slug/billing/portal — a Stripe Customer Portal URL (owners).
import { openPortal } from "@/lib/billing/checkout";
import { requireBilling } from "@/lib/billing/stripe-client";
import { json } from "@/lib/http/route";
import { workspaceRoute } from "@/lib/http/workspace-route";

export const POST = workspaceRoute<{ slug: string }>("billing:manage", async ({ ctx }) => {
  requireBilling(); // 409 when billing is off
  return json(await openPortal(ctx), 200, { "cache-control": "no-store" });
});
