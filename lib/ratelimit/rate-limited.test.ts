import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { rateLimited, secondsUntil } from "./rate-limited";

describe("the 429", () => {
  it("is rate_limited with Retry-After in whole seconds until the reset, and may quote the wait", () => {
    const error = rateLimited((seconds) => `Try again in ${seconds} seconds.`, { reset: Date.now() + 4_200 });
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("rate_limited");
    expect(error.headers).toEqual({ "retry-after": "5" });
    expect(error.message).toBe("Try again in 5 seconds.");
  });

  it("tells the client to wait at least a second, even once the reset has passed", () => {
    expect(rateLimited("Slow down.", { reset: Date.now() - 3_000 }).headers).toEqual({ "retry-after": "1" });
    expect(secondsUntil(Date.now() - 3_000)).toBe(0);
  });
});
