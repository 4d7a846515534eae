// Tier rate limits for the public API: per workspace and per key, from the tiers config; per client IP
// for requests that do not authenticate.
import { env } from "@/config/env";
import { getTier, type TierId } from "@/config/tiers";
import { secondsUntil } from "@/lib/ratelimit/rate-limited";
import { checkRateLimit } from "@/lib/ratelimit/rate-limiter";
import type { RateLimitResult, RateLimitRule } from "@/lib/ratelimit/types";

export const UNAUTHENTICATED_PER_MINUTE = 60;

export function tierRule(tier: TierId, scope: "workspace" | "key"): RateLimitRule {
  return { name: `v1-${scope}`, limit: getTier(tier).limits.apiCallsPerMinute ?? env.ENTERPRISE_RATE_LIMIT_PER_MINUTE, windowSeconds: 60 };
}

export const UNAUTHENTICATED_RULE: RateLimitRule = { name: "v1-unauthenticated-ip", limit: UNAUTHENTICATED_PER_MINUTE, windowSeconds: 60 };

/**
 * The workspace's limit first, then the key's, only for calls the workspace admitted. Checked side by side,
 * the two counters could see concurrent calls (from several instances) in different orders, and a call
 * at the edge admitted by one and refused by the other would leave fewer than the limit admitted.
 * The one closer to exhaustion is the one reported.
 */
export async function limitApiCall(tier: TierId, workspaceId: string, keyId: string): Promise<RateLimitResult> {
  const workspace = await checkRateLimit(tierRule(tier, "workspace"), workspaceId);
  if (!workspace.success) return workspace;
  const key = await checkRateLimit(tierRule(tier, "key"), keyId);
  if (!key.success) return key;
  return workspace.remaining <= key.remaining ? workspace : key;
}

/** The RateLimit headers of every answer after the check; a refusal's Retry-After is its error's (lib/ratelimit/rate-limited.ts). */
export function rateLimitHeaders(result: RateLimitResult): Record<string, string> {
  return {
    "ratelimit-limit": String(result.limit),
    "ratelimit-remaining": String(result.remaining),
    "ratelimit-reset": String(secondsUntil(result.reset)),
  };
}
