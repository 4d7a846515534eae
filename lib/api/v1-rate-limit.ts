// Tier rate limits for the public API: per workspace and per key, from the tiers config; per client IP
// for requests that do not authenticate.
import { env } from "@/config/env";
import { getTier, type TierId } from "@/config/tiers";
import { checkRateLimit } from "@/lib/ratelimit/rate-limiter";
import type { RateLimitResult, RateLimitRule } from "@/lib/ratelimit/types";

export const UNAUTHENTICATED_PER_MINUTE = 60;

export function tierRule(tier: TierId, scope: "workspace" | "key"): RateLimitRule {
  return { name: `v1-${scope}`, limit: getTier(tier).limits.apiCallsPerMinute ?? env.ENTERPRISE_RATE_LIMIT_PER_MINUTE, windowSeconds: 60 };
}

export const UNAUTHENTICATED_RULE: RateLimitRule = { name: "v1-unauthenticated-ip", limit: UNAUTHENTICATED_PER_MINUTE, windowSeconds: 60 };

/** Both limits are checked together; the one closer to exhaustion is the one reported. */
export async function limitApiCall(tier: TierId, workspaceId: string, keyId: string): Promise<RateLimitResult> {
  const [workspace, key] = await Promise.all([
    checkRateLimit(tierRule(tier, "workspace"), workspaceId),
    checkRateLimit(tierRule(tier, "key"), keyId),
  ]);
  if (!workspace.success) return workspace;
  if (!key.success) return key;
  return workspace.remaining <= key.remaining ? workspace : key;
}

export function rateLimitHeaders(result: RateLimitResult): Record<string, string> {
  const resetSeconds = Math.max(0, Math.ceil((result.reset - Date.now()) / 1000));
  return {
    "ratelimit-limit": String(result.limit),
    "ratelimit-remaining": String(result.remaining),
    "ratelimit-reset": String(resetSeconds),
    ...(!result.success && { "retry-after": String(Math.max(1, resetSeconds)) }),
  };
}
