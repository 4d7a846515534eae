import { describe, expect, it } from "vitest";
import { bearerKey } from "./authenticate-api-key";
import { API_KEY_PATTERN, generateApiKey, hashApiKey } from "./generate-key";

describe("API key generation", () => {
  it("makes ahq_live_ keys of 40 base62 characters, with prefix, last 4 and SHA-256 for storage", () => {
    const { key, prefix, last4, hash } = generateApiKey();
    expect(key).toMatch(/^ahq_live_[0-9A-Za-z]{40}$/);
    expect(API_KEY_PATTERN.test(key)).toBe(true);
    expect(prefix).toBe("ahq_live_");
    expect(last4).toBe(key.slice(-4));
    expect(hash).toBe(hashApiKey(key));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("never repeats and uses the whole alphabet evenly enough", () => {
    const keys = Array.from({ length: 2000 }, () => generateApiKey().key.slice(9));
    expect(new Set(keys).size).toBe(keys.length);
    const counts = new Map<string, number>();
    for (const ch of keys.join("")) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(62);
    const expected = (2000 * 40) / 62;
    for (const n of counts.values()) expect(Math.abs(n - expected) / expected).toBeLessThan(0.15);
  });
});

describe("Authorization header parsing", () => {
  const { key } = generateApiKey();
  it.each([
    [`Bearer ${key}`, key],
    [`bearer ${key}`, key],
    [key, null],
    [`Basic ${key}`, null],
    [`Bearer ${key} extra`, null],
    ["Bearer ahq_live_short", null],
    [`Bearer ${key}${"x".repeat(300)}`, null],
    ["Bearer sk_live_abcdefghijklmnopqrstuvwxyz0123456789", null],
    ["", null],
  ])("%j → %j", (header, expected) => expect(bearerKey(header)).toBe(expected));
});
