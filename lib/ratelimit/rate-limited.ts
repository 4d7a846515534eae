// The one 429: every refusal for too many requests (a rate limit, runs or streams at a time) is built
// here, with the one Retry-After formula. Pure: no store, no HTTP module.
import { AppError } from "@/lib/errors/app-error";
import type { RateLimitResult } from "./types";

/** Whole seconds from now until `reset` (epoch milliseconds), rounded up; 0 once it has passed. */
export function secondsUntil(reset: number): number {
  return Math.max(0, Math.ceil((reset - Date.now()) / 1000));
}

/**
 * The 429 `rate_limited` for a refusal that lifts at `until.reset`, with Retry-After (at least 1 second).
 * `detail` may quote the wait.
 */
export function rateLimited(detail: string | ((retryAfterSeconds: number) => string), until: Pick<RateLimitResult, "reset">): AppError {
  const retryAfter = Math.max(1, secondsUntil(until.reset));
  return new AppError("rate_limited", typeof detail === "string" ? detail : detail(retryAfter), {
    headers: { "retry-after": String(retryAfter) },
  });
}
