// Limits on the account endpoints (log in, sign up, password reset), per client IP and per email, so
// neither one address nor one target account can be hammered.
import { env } from "@/config/env";
import { rateLimited } from "@/lib/ratelimit/rate-limited";
import { checkRateLimit } from "@/lib/ratelimit/rate-limiter";
import type { RateLimitRule } from "@/lib/ratelimit/types";

export const AUTH_LIMITS = {
  loginPerIp: { name: "login-ip", limit: env.AUTH_IP_LIMIT_PER_MINUTE, windowSeconds: 60 },
  loginPerEmail: { name: "login-email", limit: 20, windowSeconds: 15 * 60 },
  signupPerIp: { name: "signup-ip", limit: env.AUTH_IP_LIMIT_PER_MINUTE, windowSeconds: 60 },
  signupPerEmail: { name: "signup-email", limit: 5, windowSeconds: 60 * 60 },
  emailLinkPerIp: { name: "email-link-ip", limit: env.AUTH_IP_LIMIT_PER_MINUTE, windowSeconds: 60 },
  emailLinkPerEmail: { name: "email-link-email", limit: 3, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimitRule>;

/** Checks each (rule, identifier) pair; the first exhausted one is a 429 with Retry-After. */
export async function enforceAuthLimits(checks: [RateLimitRule, string][]): Promise<void> {
  for (const [rule, identifier] of checks) {
    const result = await checkRateLimit(rule, identifier.toLowerCase());
    if (!result.success) throw rateLimited((seconds) => `Too many attempts. Try again in ${seconds} seconds.`, result);
  }
}
