// POST /api/workspaces/:slug/billing/checkout { tier } — a Stripe Checkout URL (owners).
import { checkoutSchema, startCheckout } from "@/lib/billing/checkout";
import { requireBilling } from "@/lib/billing/stripe-client";
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/route";
import { workspaceRoute } from "@/lib/http/workspace-route";

export const POST = workspaceRoute<{ slug: string }>("billing:manage", async ({ request, ctx }) => {
  requireBilling(); // 409 when billing is off, before the body is read
  const { tier } = await readJson(request, checkoutSchema);
  return json(await startCheckout(ctx, tier), 200, { "cache-control": "no-store" });
});
