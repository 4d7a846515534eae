// The rate limiter of this process: Upstash when UPSTASH_REDIS_REST_URL is set, plain Redis with
// REDIS_URL, in-process memory otherwise. If the store fails, requests are let through (fail open) and
// the failure is logged: rate limits protect capacity, quotas (lib/usage) protect money and never fail open.
import { Redis as UpstashRedis } from "@upstash/redis";
import { Redis } from "ioredis";
import { env } from "@/config/env";
import { describeError, logger } from "@/lib/log/logger";
import { appMetrics } from "@/lib/metrics/registry";
import { IoRedisAdapter } from "./ioredis-adapter";
import { MemoryBackend } from "./memory-backend";
import type { RateLimitBackend, RateLimitResult, RateLimitRule } from "./types";
import { UpstashBackend } from "./upstash-backend";

export function createBackend(): RateLimitBackend {
  if (env.UPSTASH_REDIS_REST_URL && env.UPSTASH_REDIS_REST_TOKEN) {
    return new UpstashBackend("upstash", new UpstashRedis({ url: env.UPSTASH_REDIS_REST_URL, token: env.UPSTASH_REDIS_REST_TOKEN }));
  }
  if (env.REDIS_URL) {
    // The library types its client as Upstash's full class but, with analytics off, calls only
    // eval and evalsha, which the adapter provides.
    const adapter = new IoRedisAdapter(createRedisClient(env.REDIS_URL)) as unknown as UpstashRedis;
    return new UpstashBackend("redis", adapter);
  }
  return new MemoryBackend();
}

/** A Redis client whose commands fail within half a second when Redis is away, instead of hanging. */
export function createRedisClient(url: string): Redis {
  const client = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 1_000, commandTimeout: 500 });
  client.on("error", (error) => logger.warn("redis error", describeError(error)));
  return client;
}

const globalForLimiter = globalThis as unknown as { agenthqRateLimiter?: RateLimitBackend };

function backend(): RateLimitBackend {
  globalForLimiter.agenthqRateLimiter ??= createBackend();
  return globalForLimiter.agenthqRateLimiter;
}

export async function checkRateLimit(rule: RateLimitRule, identifier: string, store = backend()): Promise<RateLimitResult> {
  let result: RateLimitResult;
  try {
    result = await store.limit(rule, identifier);
  } catch (error) {
    logger.error("rate limiter unavailable: allowing the request", { rule: rule.name, backend: store.kind, ...describeError(error) });
    return { success: true, limit: rule.limit, remaining: rule.limit, reset: Date.now() + rule.windowSeconds * 1000 };
  }
  if (!result.success) appMetrics().rateLimitDenials.inc({ rule: rule.name });
  return result;
}
