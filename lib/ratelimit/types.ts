// One rate-limit interface for every backend (memory, Redis, Upstash), all with the same sliding-window
// algorithm as @upstash/ratelimit.

export interface RateLimitRule {
  /** Namespaces the counters, e.g. "login-ip". */
  name: string;
  limit: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  success: boolean;
  limit: number;
  remaining: number;
  /** When the current window ends (epoch milliseconds). */
  reset: number;
}

export interface RateLimitBackend {
  readonly kind: "memory" | "redis" | "upstash";
  limit(rule: RateLimitRule, identifier: string): Promise<RateLimitResult>;
}
