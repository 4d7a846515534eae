// GET /api/workspaces/:slug/members — members with their roles.
import { json } from "@/lib/http/route";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { listMembers } from "@/lib/members/list-members";

export const GET = workspaceRoute<{ slug: string }>("members:read", async ({ ctx }) => json({ data: await listMembers(ctx) }));
