// Shared expectations for every rate-limit backend: the same algorithm must answer the same way.
import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import type { RateLimitBackend } from "@/lib/ratelimit/types";

const uniqueRule = (limit: number, windowSeconds: number) => ({ name: `test-${randomBytes(4).toString("hex")}`, limit, windowSeconds });

export async function expectExactAdmission(backend: RateLimitBackend, concurrent: number, limit: number) {
  const rule = uniqueRule(limit, 60);
  const results = await Promise.all(Array.from({ length: concurrent }, () => backend.limit(rule, "client")));
  expect(results.filter((r) => r.success)).toHaveLength(Math.min(concurrent, limit));
  expect(results.every((r) => r.limit === limit)).toBe(true);
}

export async function expectCountdownAndIsolation(backend: RateLimitBackend) {
  const rule = uniqueRule(3, 60);
  const remaining = [];
  for (let i = 0; i < 4; i++) remaining.push((await backend.limit(rule, "a")).remaining);
  expect(remaining).toEqual([2, 1, 0, 0]);
  expect((await backend.limit(rule, "a")).success).toBe(false);
  expect((await backend.limit(rule, "b")).success).toBe(true);
}

export async function expectNewWindowAdmitsAgain(backend: RateLimitBackend) {
  const rule = uniqueRule(2, 1);
  await backend.limit(rule, "x");
  await backend.limit(rule, "x");
  const denied = await backend.limit(rule, "x");
  expect(denied.success).toBe(false);
  expect(denied.reset).toBeGreaterThan(Date.now() - 10);
  // Two full windows later, nothing of the old traffic is weighted in.
  await new Promise((r) => setTimeout(r, 2_100));
  expect((await backend.limit(rule, "x")).success).toBe(true);
}
