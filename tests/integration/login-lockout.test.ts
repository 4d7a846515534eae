// The lockout under concurrency, on the real database: a lock that lands while a guess is being hashed
// must refuse that guess, even when it is the right password (issue 16, item 1).
// The password hash is wrapped so a test can act at the exact moment a chosen guess has been hashed but
// not yet decided: the window in which the old code, having read the lock state before hashing, let
// the right password in and cleared the lock.
import { describe, expect, it, vi } from "vitest";
import { LOCKOUT_THRESHOLD, verifyCredentials, type CredentialCheck } from "@/lib/auth/verify-credentials";
import { signUp } from "@/lib/users/sign-up";
import { TEST_PASSWORD, uniqueEmail } from "../support/factories";
import { ownerDb } from "../support/owner-db";

const seams = vi.hoisted(() => ({
  /** Runs once, after the hash of this password and before verifyCredentials acts on it. */
  afterHashOf: new Map<string, () => Promise<void>>(),
  unlockEmails: new Map<string, number>(),
}));

vi.mock("@/lib/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/password")>();
  return {
    ...real,
    async verifyPassword(password: string, stored: string) {
      const ok = await real.verifyPassword(password, stored);
      const hook = seams.afterHashOf.get(password);
      seams.afterHashOf.delete(password);
      await hook?.();
      return ok;
    },
  };
});

vi.mock("@/lib/users/account-emails", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/users/account-emails")>()),
  async sendUnlockEmail(user: { id: string }) {
    seams.unlockEmails.set(user.id, (seams.unlockEmails.get(user.id) ?? 0) + 1);
    return "logged" as const;
  },
}));

const newUser = (label: string) => signUp({ email: uniqueEmail(label), password: TEST_PASSWORD, name: label });
const wrong = (i: number) => `wrong-${i}-Password`;

async function lockState(userId: string) {
  const [row] = await ownerDb().$queryRaw<{ locked: boolean; failedLoginCount: number; lockedUntil: Date | null }[]>`
    SELECT ("lockedUntil" IS NOT NULL AND "lockedUntil" > now()) AS locked, "failedLoginCount", "lockedUntil"
      FROM "User" WHERE id = ${userId}`;
  if (!row) throw new Error(`no user ${userId}`);
  return row;
}

const count = (results: CredentialCheck[], match: (r: CredentialCheck) => boolean) => results.filter(match).length;
const isOk = (r: CredentialCheck) => r.ok;
const isInvalid = (r: CredentialCheck) => !r.ok && r.reason === "invalid";

describe("lockout under concurrent guesses", () => {
  it("refuses the right password when the account is locked while that password is being hashed", async () => {
    const user = await newUser("lock-mid-hash");
    seams.afterHashOf.set(TEST_PASSWORD, async () => {
      // What another request's locking failure does, landing between this call's read and its decision.
      await ownerDb().$executeRaw`UPDATE "User" SET "lockedUntil" = now() + interval '15 minutes' WHERE id = ${user.id}`;
    });
    expect(await verifyCredentials(user.email, TEST_PASSWORD)).toEqual({ ok: false, reason: "locked" });
    expect((await lockState(user.id)).locked).toBe(true);
  });

  it("refuses the right password when concurrent wrong guesses reach the threshold while it is being hashed", async () => {
    const user = await newUser("burst-mid-hash");
    let wrongResults: CredentialCheck[] = [];
    seams.afterHashOf.set(TEST_PASSWORD, async () => {
      wrongResults = await Promise.all(Array.from({ length: LOCKOUT_THRESHOLD }, (_, i) => verifyCredentials(user.email, wrong(i))));
    });
    expect(await verifyCredentials(user.email, TEST_PASSWORD)).toEqual({ ok: false, reason: "locked" });
    // Every wrong guess was counted: all but the last answered "invalid", the last one locked.
    expect(count(wrongResults, isInvalid)).toBe(LOCKOUT_THRESHOLD - 1);
    expect(wrongResults.filter((r) => !r.ok && r.reason === "locked")).toHaveLength(1);
    expect(await lockState(user.id)).toMatchObject({ locked: true, failedLoginCount: 0 });
    expect(seams.unlockEmails.get(user.id)).toBe(1);
  });

  it("lets no parallel right-password attempt in, nor clears the lock, once the account is locked", async () => {
    const user = await newUser("locked-parallel");
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++) await verifyCredentials(user.email, wrong(i));
    const results = await Promise.all(Array.from({ length: 20 }, () => verifyCredentials(user.email, TEST_PASSWORD)));
    expect(results.every((r) => !r.ok && r.reason === "locked")).toBe(true);
    expect((await lockState(user.id)).locked).toBe(true);
  });

  it("does not count failures while locked: the lock is not extended and one unlock email goes out", async () => {
    const user = await newUser("locked-more");
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++) await verifyCredentials(user.email, wrong(i));
    const before = await lockState(user.id);
    expect(before.locked).toBe(true);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => verifyCredentials(user.email, wrong(100 + i))));
    expect(results.every((r) => !r.ok && r.reason === "locked")).toBe(true);
    expect((await lockState(user.id)).lockedUntil).toEqual(before.lockedUntil);
    expect(seams.unlockEmails.get(user.id)).toBe(1);
  });

  // Without a seam: the attack as reported, all guesses fired at once. Whatever order the hashes finish
  // in, the account ends locked, at most LOCKOUT_THRESHOLD - 1 guesses per unlocked stretch are answered
  // "invalid" (a success starts a new stretch, and it can only come before the lock), and the account
  // locked exactly once.
  it.each([
    ["first", 0],
    ["in the middle", 15],
    ["last", 30],
  ])(
    "ends locked after 30 parallel wrong guesses with the right password %s",
    async (_, position) => {
      const user = await newUser("burst");
      const guesses = Array.from({ length: 30 }, (_, i) => wrong(i));
      guesses.splice(position, 0, TEST_PASSWORD);
      const results = await Promise.all(guesses.map((password) => verifyCredentials(user.email, password)));

      const oks = count(results, isOk);
      expect(oks).toBeLessThanOrEqual(1);
      expect(count(results, isInvalid)).toBeLessThanOrEqual((LOCKOUT_THRESHOLD - 1) * (1 + oks));
      expect((await lockState(user.id)).locked).toBe(true);
      expect(seams.unlockEmails.get(user.id)).toBe(1);
    },
    60_000,
  );
});
