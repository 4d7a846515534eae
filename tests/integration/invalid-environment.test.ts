// A misconfigured start-up says what to fix, and only that: no stack trace.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("an invalid environment at start-up", () => {
  it("prints each problem without a stack trace", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "-e", 'await import("./config/env.ts")'], {
      env: { ...process.env, EMBEDDED_PG_PORT: "not-a-port", LOG_LEVEL: "loud" },
      encoding: "utf8",
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("Invalid environment:");
    expect(result.stderr).toContain("EMBEDDED_PG_PORT:");
    expect(result.stderr).toContain("LOG_LEVEL:");
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});
