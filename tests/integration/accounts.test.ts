// Accounts on the real database: sign-up, credential checks, revocable sessions.
import { describe, expect, it } from "vitest";
import { createSession, findActiveSessionUser, revokeAllSessions, revokeSession } from "@/lib/auth/sessions";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { AppError } from "@/lib/errors/app-error";
import { signUp } from "@/lib/users/sign-up";
import { TEST_PASSWORD, uniqueEmail } from "../support/factories";
import { ownerDb } from "../support/owner-db";

describe("sign-up", () => {
  it("stores a password hash, never the password", async () => {
    const email = uniqueEmail("hash");
    const user = await signUp({ email, password: TEST_PASSWORD, name: "Hash" });
    const row = await ownerDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^scrypt\$/);
    expect(JSON.stringify(row)).not.toContain(TEST_PASSWORD);
    expect(user).toEqual({ id: row.id, email, name: "Hash" });
  });

  it("answers a taken email with a conflict, whatever the concurrency", async () => {
    const email = uniqueEmail("dup");
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => signUp({ email, password: TEST_PASSWORD, name: "Dup" })));
    const rejected = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[];
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(rejected.every((r) => r.reason instanceof AppError && r.reason.code === "conflict")).toBe(true);
    expect(await ownerDb().user.count({ where: { email } })).toBe(1);
  });
});

describe("credentials", () => {
  it("accepts the right password and rejects a wrong one or an unknown email alike", async () => {
    const email = uniqueEmail("login");
    const user = await signUp({ email, password: TEST_PASSWORD, name: "Login" });
    expect(await verifyCredentials(email, TEST_PASSWORD)).toEqual({ ok: true, user });
    expect(await verifyCredentials(email, `${TEST_PASSWORD}x`)).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials(uniqueEmail("nobody"), TEST_PASSWORD)).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("sessions", () => {
  it("can be revoked one by one or all at once", async () => {
    const user = await signUp({ email: uniqueEmail("sess"), password: TEST_PASSWORD, name: "Sess" });
    const [a, b, c] = await Promise.all([createSession(user.id), createSession(user.id), createSession(user.id)]);
    expect((await findActiveSessionUser(a))?.id).toBe(user.id);

    await revokeSession(a);
    expect(await findActiveSessionUser(a)).toBeNull();
    expect(await findActiveSessionUser(b)).not.toBeNull();

    expect(await revokeAllSessions(user.id)).toBe(2);
    expect(await findActiveSessionUser(b)).toBeNull();
    expect(await findActiveSessionUser(c)).toBeNull();
  });

  it("does not honour an expired session", async () => {
    const user = await signUp({ email: uniqueEmail("exp"), password: TEST_PASSWORD, name: "Exp" });
    const token = await createSession(user.id);
    await ownerDb().session.update({ where: { sessionToken: token }, data: { expires: new Date(Date.now() - 1000) } });
    expect(await findActiveSessionUser(token)).toBeNull();
  });
});
