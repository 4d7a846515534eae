// GET /api/workspaces/:slug/tool-signing-secret — the secret HTTP tool requests are signed with (owners);
// POST — rotate it.
import { json } from "@/lib/http/route";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { revealSigningSecret, rotateSigningSecret } from "@/lib/tools/signing-secret";

type Params = { slug: string };
const noStore = { "cache-control": "no-store" };

export const GET = workspaceRoute<Params>("secrets:manage", async ({ ctx }) => json(await revealSigningSecret(ctx), 200, noStore));

export const POST = workspaceRoute<Params>("secrets:manage", async ({ ctx }) => json(await rotateSigningSecret(ctx), 200, noStore));
