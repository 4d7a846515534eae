// @upstash/ratelimit's sliding window on Upstash (REST) or, through IoRedisAdapter, a plain Redis.
import { Ratelimit } from "@upstash/ratelimit";
import type { RateLimitBackend, RateLimitResult, RateLimitRule } from "./types";

type RedisLike = ConstructorParameters<typeof Ratelimit>[0]["redis"];

export class UpstashBackend implements RateLimitBackend {
  private readonly limiters = new Map<string, Ratelimit>();

  constructor(
    readonly kind: "redis" | "upstash",
    private readonly redis: RedisLike,
  ) {}

  async limit(rule: RateLimitRule, identifier: string): Promise<RateLimitResult> {
    const { success, limit, remaining, reset } = await this.limiterFor(rule).limit(identifier);
    return { success, limit, remaining, reset };
  }

  private limiterFor(rule: RateLimitRule): Ratelimit {
    const id = `${rule.name}:${rule.limit}:${rule.windowSeconds}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      limiter = new Ratelimit({
        redis: this.redis,
        limiter: Ratelimit.slidingWindow(rule.limit, `${rule.windowSeconds} s`),
        prefix: `agenthq:rl:${rule.name}:${rule.limit}:${rule.windowSeconds}`,
        analytics: false,
        // Denials are not cached per instance, so every backend answers exactly alike.
        ephemeralCache: false,
      });
      this.limiters.set(id, limiter);
    }
    return limiter;
  }
}
