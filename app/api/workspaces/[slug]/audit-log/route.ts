// GET /api/workspaces/:slug/audit-log?limit=&cursor= — security-relevant actions, newest first.
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { pageQuerySchema, readQuery } from "@/lib/http/query";
import { json } from "@/lib/http/route";
import { workspaceRoute } from "@/lib/http/workspace-route";

export const GET = workspaceRoute<{ slug: string }>("audit:read", async ({ request, ctx }) =>
  json(await listAuditLog(ctx, readQuery(request, pageQuerySchema))),
);
