// The Redis backend: @upstash/ratelimit's own Lua scripts on a real Redis through the ioredis adapter.
import { Redis as UpstashRedis } from "@upstash/redis";
import { afterAll, describe, expect, it } from "vitest";
import { IoRedisAdapter } from "@/lib/ratelimit/ioredis-adapter";
import { checkRateLimit, createRedisClient } from "@/lib/ratelimit/rate-limiter";
import { UpstashBackend } from "@/lib/ratelimit/upstash-backend";
import { expectCountdownAndIsolation, expectExactAdmission, expectNewWindowAdmitsAgain } from "../support/rate-limit-checks";

const redisUrl = process.env.TEST_REDIS_URL;

describe.skipIf(!redisUrl)("Redis rate limits", () => {
  const client = createRedisClient(redisUrl!);
  const backend = new UpstashBackend("redis", new IoRedisAdapter(client) as unknown as UpstashRedis);
  afterAll(() => client.quit());

  it("admits exactly min(N, L) of N concurrent requests", () => expectExactAdmission(backend, 150, 60));
  it("counts down and keeps identifiers apart", () => expectCountdownAndIsolation(backend));
  it("admits again in a new window", () => expectNewWindowAdmitsAgain(backend));

  it("keeps working after Redis forgets its scripts", async () => {
    await client.script("FLUSH");
    await expectCountdownAndIsolation(backend);
  });
});

describe("when the store is down", () => {
  it("lets requests through (fail open) instead of failing them", async () => {
    const dead = createRedisClient("redis://127.0.0.1:1");
    const backend = new UpstashBackend("redis", new IoRedisAdapter(dead) as unknown as UpstashRedis);
    const result = await checkRateLimit({ name: "dead", limit: 5, windowSeconds: 60 }, "x", backend);
    expect(result).toMatchObject({ success: true, limit: 5, remaining: 5 });
    dead.disconnect();
  });
});
