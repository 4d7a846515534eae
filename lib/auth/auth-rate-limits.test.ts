import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { clientIp } from "@/lib/http/client-ip";
import { enforceAuthLimits } from "./auth-rate-limits";

describe("client IP", () => {
  it("takes the rightmost X-Forwarded-For entry: the one our own proxy (or Next.js) added", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 10.0.0.1" }))).toBe("10.0.0.1");
    expect(clientIp(new Headers({ "x-forwarded-for": "127.0.0.1" }))).toBe("127.0.0.1");
    expect(clientIp(new Headers())).toBe("unknown");
    expect(clientIp(new Headers({ "x-forwarded-for": "x".repeat(500) }))).toHaveLength(64);
  });
});

describe("account endpoint limits", () => {
  it("answers the attempt past the limit with rate_limited and a Retry-After", async () => {
    const rule = { name: `unit-${Math.random()}`, limit: 3, windowSeconds: 60 };
    for (let i = 0; i < 3; i++) await enforceAuthLimits([[rule, "203.0.113.9"]]);
    const error = await enforceAuthLimits([[rule, "203.0.113.9"]]).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.status).toBe(429);
    const retryAfter = Number(error.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    await expect(enforceAuthLimits([[rule, "203.0.113.10"]])).resolves.toBeUndefined();
  });

  it("treats an email's case variants as one identity", async () => {
    const rule = { name: `unit-${Math.random()}`, limit: 1, windowSeconds: 60 };
    await enforceAuthLimits([[rule, "Someone@Example.com"]]);
    await expect(enforceAuthLimits([[rule, "someone@example.com"]])).rejects.toMatchObject({ code: "rate_limited" });
  });
});
