// /w/:slug/webhooks — endpoints that receive the workspace's events, signed to the Standard Webhooks
// spec, each with its latest deliveries (status, response code, latency) to resend; and a test event.
import Link from "next/link";
import { NoAccess } from "@/components/dashboard/no-access";
import { PageHeader } from "@/components/dashboard/page-header";
import { can } from "@/lib/members/permissions";
import { listDeliveries } from "@/lib/webhooks/webhook-deliveries";
import { listWebhookEndpoints } from "@/lib/webhooks/webhook-endpoints";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/webhook-schemas";
import { loadWorkspace } from "../load-workspace";
import { WebhookEndpoints } from "./webhook-endpoints";

export const metadata = { title: "Webhooks" };

export default async function WebhooksPage({ params }: { params: Promise<{ slug: string }> }) {
  const { workspace, ctx } = await loadWorkspace((await params).slug);
  if (!can(ctx.role, "webhooks:manage")) return <NoAccess title="Webhooks" role={ctx.role} who="Owners and admins manage webhooks." />;
  const endpoints = await listWebhookEndpoints(ctx);
  const deliveries = Object.fromEntries(await Promise.all(endpoints.map(async (e) => [e.id, await listDeliveries(ctx, e.id)] as const)));
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Endpoints of yours that AgentHQ calls when runs finish, usage alerts fire or the workspace pauses. Every delivery is signed (Standard Webhooks) and retried for about a day."
      />
      <WebhookEndpoints slug={workspace.slug} endpoints={endpoints} deliveries={deliveries} eventTypes={[...WEBHOOK_EVENT_TYPES]} />
      <p className="mt-8 text-sm text-slate-600">
        How to verify a delivery: see{" "}
        <Link href="/docs/api#webhooks" className="text-brand-700 underline">
          Webhooks in the API reference
        </Link>
        .
      </p>
    </>
  );
}
