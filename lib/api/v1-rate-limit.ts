// Tier rate limits for the public API: per workspace, from the tiers config; per client IP for requests
// that do not authenticate. There is no separate per-key check: a key's calls are its workspace's calls,
// so the workspace's limit already holds every key to it, and a second check with the same limit could
// never refuse anything, while costing a round trip to Redis on every call.
import { env } from "@/config/env";
import { getTier, type TierId } from "@/config/tiers";
import { secondsUntil } from "@/lib/ratelimit/rate-limited";
import { checkRateLimit } from "@/lib/ratelimit/rate-limiter";
import type { RateLimitResult, RateLimitRule } from "@/lib/ratelimit/types";

export const UNAUTHENTICATED_PER_MINUTE = 60;

function tierRule(tier: TierId): RateLimitRule {
  return { name: "v1-workspace", limit: getTier(tier).limits.apiCallsPerMinute ?? env.ENTERPRISE_RATE_LIMIT_PER_MINUTE, windowSeconds: 60 };
}

export const UNAUTHENTICATED_RULE: RateLimitRule = { name: "v1-unauthenticated-ip", limit: UNAUTHENTICATED_PER_MINUTE, windowSeconds: 60 };

export function limitApiCall(tier: TierId, workspaceId: string): Promise<RateLimitResult> {
  return checkRateLimit(tierRule(tier), workspaceId);
}

/** The RateLimit headers of every answer after the check; a refusal's Retry-After is its error's (lib/ratelimit/rate-limited.ts). */
export function rateLimitHeaders(result: RateLimitResult): Record<string, string> {
  return {
    "ratelimit-limit": String(result.limit),
    "ratelimit-remaining": String(result.remaining),
    "ratelimit-reset": String(secondsUntil(result.reset)),
  };
}
