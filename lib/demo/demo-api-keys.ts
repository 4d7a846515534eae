// Demo API keys, one of them revoked, so the keys page and the audit log have something to show. Their
// secrets are not kept: to call the API, create a key of your own on the keys page.
import { createApiKey, listApiKeys, revokeApiKey } from "@/lib/api-keys/manage-keys";
import type { ApiScope } from "@/lib/api-keys/schemas";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";

const DEMO_KEYS: { name: string; scopes: ApiScope[]; revoked?: boolean }[] = [
  { name: "CI pipeline", scopes: ["runs:read", "runs:write"] },
  { name: "Usage dashboard", scopes: ["usage:read"] },
  { name: "Old laptop", scopes: ["runs:read", "runs:write", "usage:read"], revoked: true },
];

export async function ensureDemoApiKeys(ctx: WorkspaceContext): Promise<void> {
  const existing = await listApiKeys(ctx);
  for (const spec of DEMO_KEYS) {
    const key = existing.find((k) => k.name === spec.name) ?? (await createApiKey(ctx, { name: spec.name, scopes: spec.scopes }));
    if (spec.revoked && !key.revokedAt) await revokeApiKey(ctx, key.id);
  }
}
