import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./unavailable";

describe("isDatabaseUnavailable", () => {
  it("recognises a refused connection, a server shutdown and Prisma's wrapped driver errors", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("wrapped"), { cause: { kind: "DatabaseNotReachable" } }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("prisma"), { code: "P1001" }))).toBe(true);
    const poolBusy = "Transaction API error: Unable to start a transaction in the given time.";
    expect(isDatabaseUnavailable(Object.assign(new Error(poolBusy), { code: "P2028" }))).toBe(true);
    const shutdown = { cause: { kind: "postgres", code: "57P01", message: "terminating connection due to administrator command" } };
    expect(
      isDatabaseUnavailable(Object.assign(new Error("raw query failed"), { code: "P2010", meta: { driverAdapterError: shutdown } })),
    ).toBe(true);
  });

  it("leaves bugs and data errors alone", () => {
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("unique"), { code: "P2002" }))).toBe(false);
    expect(isDatabaseUnavailable("a string")).toBe(false);
    // A transaction that ran out of time is slow code or a lock wait: a bug to report, not an outage.
    expect(isDatabaseUnavailable(Object.assign(new Error("Transaction already closed"), { code: "P2028" }))).toBe(false);
    expect(isDatabaseUnavailable(new Error("Connection is closed."))).toBe(false); // ioredis, not PostgreSQL
  });
});
