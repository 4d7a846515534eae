// The workspace's own Anthropic API key (owners): GET shows its last four characters, PUT { apiKey } stores
// or replaces it (encrypted), DELETE removes it. The key itself never leaves the server again.
import { AppError } from "@/lib/errors/app-error";
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/route";
import { workspaceRoute } from "@/lib/http/workspace-route";
import { providerKeySchema } from "@/lib/spend/schemas";
import { providerKeyInfo, removeProviderKey, setProviderKey } from "@/lib/spend/spend-settings";

type Params = { slug: string };

const view = (info: { last4: string; updatedAt: Date }) => ({
  provider: "anthropic",
  last4: info.last4,
  updatedAt: info.updatedAt.toISOString(),
});

export const GET = workspaceRoute<Params>("secrets:manage", async ({ ctx }) => {
  const info = await providerKeyInfo(ctx);
  if (!info) throw new AppError("not_found", "This workspace has no provider key.");
  return json(view(info));
});

export const PUT = workspaceRoute<Params>("secrets:manage", async ({ request, ctx }) => {
  const { apiKey } = await readJson(request, providerKeySchema);
  return json(view(await setProviderKey(ctx, apiKey)));
});

export const DELETE = workspaceRoute<Params>("secrets:manage", async ({ ctx }) => {
  await removeProviderKey(ctx);
  return new Response(null, { status: 204 });
});
