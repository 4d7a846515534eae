// The one request path of the public API (/api/v1/*), built from small steps: authenticate the key
// (401; failures are rate limited per IP), rate limit per workspace (429), refuse a paused
// workspace (423), check the route's scope (403), count the call against the quota (402/423), then run
// the handler in the key's workspace. Every answer after a rate-limit check carries its RateLimit headers
// (set on the route's responseHeaders, so route() adds them to problem answers too).
import { authenticateApiKey, type ApiKeyPrincipal } from "@/lib/api-keys/authenticate-api-key";
import type { ApiScope } from "@/lib/api-keys/schemas";
import { touchLastUsed } from "@/lib/api-keys/touch-last-used";
import { AppError } from "@/lib/errors/app-error";
import { clientIp } from "@/lib/http/client-ip";
import { route, type RouteContext } from "@/lib/http/route";
import { rateLimited } from "@/lib/ratelimit/rate-limited";
import { checkRateLimit } from "@/lib/ratelimit/rate-limiter";
import { meterApiCall } from "@/lib/usage/meter-api-call";
import { liftPauseOfPastPeriod } from "@/lib/usage/pause-workspace";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { limitApiCall, rateLimitHeaders, UNAUTHENTICATED_RULE } from "./v1-rate-limit";

export interface V1Context<P> extends RouteContext<P> {
  key: ApiKeyPrincipal;
  ctx: WorkspaceContext;
}

async function authenticate(request: Request, responseHeaders: Headers): Promise<ApiKeyPrincipal> {
  try {
    return await authenticateApiKey(request.headers.get("authorization"));
  } catch (error) {
    const limit = await checkRateLimit(UNAUTHENTICATED_RULE, clientIp(request.headers));
    if (!limit.success) {
      setHeaders(responseHeaders, rateLimitHeaders(limit));
      throw rateLimited("Too many requests without a valid API key.", limit);
    }
    throw error;
  }
}

function setHeaders(target: Headers, headers: Record<string, string>) {
  for (const [name, value] of Object.entries(headers)) target.set(name, value);
}

async function assertActive(key: ApiKeyPrincipal) {
  if (key.workspace.status === "paused" && (await liftPauseOfPastPeriod(key.workspace))) {
    key.workspace = { ...key.workspace, status: "active", pausedReason: null };
  }
  if (key.workspace.status === "paused") {
    throw new AppError(
      "workspace_paused",
      key.workspace.pausedReason === "quota"
        ? "This workspace reached its usage cap and is paused until the next period or an upgrade."
        : "This workspace is paused.",
    );
  }
}

function assertScope(key: ApiKeyPrincipal, scope: ApiScope | undefined) {
  if (scope && !key.scopes.includes(scope)) {
    throw new AppError("forbidden", `This API key lacks the ${scope} scope (or its creator's role no longer allows it).`);
  }
}

export function v1Route<P = Record<string, never>>(options: { scope?: ApiScope }, handler: (c: V1Context<P>) => Promise<Response>) {
  return route<P>(async (c) => {
    const key = await authenticate(c.request, c.responseHeaders);
    c.log.workspaceId = key.workspace.id;
    const limit = await limitApiCall(key.workspace.tier, key.workspace.id);
    setHeaders(c.responseHeaders, rateLimitHeaders(limit));
    if (!limit.success) throw rateLimited("Rate limit reached for this workspace's tier. Slow down and retry after the reset.", limit);
    await assertActive(key);
    assertScope(key, options.scope);
    await meterApiCall(key.workspace);
    touchLastUsed({ keyId: key.keyId, workspaceId: key.workspace.id, lastUsedAt: key.lastUsedAt });
    const ctx: WorkspaceContext = { workspaceId: key.workspace.id, slug: key.workspace.slug, actorId: key.createdById, role: key.role };
    return handler({ ...c, key, ctx });
  });
}
