// PATCH /api/workspaces/:slug/members/:userId — change a role; DELETE — remove a member (or leave).
// The member rules (last owner, admins vs owners, no self-promotion) live in lib/members.
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/route";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { changeMemberRole, removeMember } from "@/lib/members/change-members";
import { changeRoleSchema } from "@/lib/members/schemas";

type Params = { slug: string; userId: string };

export const PATCH = workspaceRoute<Params>("workspace:read", async ({ request, ctx, params }) => {
  const { role } = await readJson(request, changeRoleSchema);
  return json(await changeMemberRole(ctx, params.userId, role));
});

export const DELETE = workspaceRoute<Params>("workspace:read", async ({ ctx, params }) => {
  await removeMember(ctx, params.userId);
  return new Response(null, { status: 204 });
});
