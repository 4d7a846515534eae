// GET /api/workspaces/:slug/secrets — the secrets tools refer to (names and last four characters);
// POST { name, value } — set one (owners).
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/route";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { listCustomSecrets, setCustomSecret, setCustomSecretSchema } from "@/lib/secrets/custom-secrets";

type Params = { slug: string };

export const GET = workspaceRoute<Params>("workspace:read", async ({ ctx }) => json({ data: await listCustomSecrets(ctx) }));

export const POST = workspaceRoute<Params>("secrets:manage", async ({ request, ctx }) =>
  json(await setCustomSecret(ctx, await readJson(request, setCustomSecretSchema)), 201, { "cache-control": "no-store" }),
);
