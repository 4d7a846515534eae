// Whether an email has an account must not show in the answers: a password reset answers the same at
// once whatever the email and whatever the mail server does, and an unknown email "locks" after as many
// failed log-ins as a real account.
import { createServer, type AddressInfo, type Socket } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD, uniqueEmail } from "../support/ids";

// A mail server that accepts connections and never answers: a reset that waited for it would hang.
const sockets: Socket[] = [];
const silentSmtp = createServer((socket) => void sockets.push(socket));
await new Promise<void>((resolve) => silentSmtp.listen(0, "127.0.0.1", resolve));
process.env.SMTP_URL = `smtp://127.0.0.1:${(silentSmtp.address() as AddressInfo).port}`;
afterAll(() => {
  sockets.forEach((s) => s.destroy());
  silentSmtp.close();
});

const { POST: requestReset } = await import("@/app/api/auth/password-reset/route");
const { verifyCredentials, LOCKOUT_THRESHOLD } = await import("@/lib/auth/verify-credentials");
const { signUp } = await import("@/lib/users/sign-up");

async function reset(email: string) {
  const started = performance.now();
  const response = await requestReset(
    new Request("http://localhost/api/auth/password-reset", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email }),
    }),
    { params: Promise.resolve({}) } as never,
  );
  return { status: response.status, body: await response.json(), ms: performance.now() - started };
}

describe("account enumeration", () => {
  it("answers a password reset the same, at once, for a known and an unknown email, while the mail server hangs", async () => {
    const user = await signUp({ email: uniqueEmail("reset-known"), password: TEST_PASSWORD, name: "Known" });
    const known = await reset(user.email);
    const unknown = await reset(uniqueEmail("reset-unknown"));
    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect(known.body).toEqual(unknown.body);
    expect(known.ms).toBeLessThan(500);
    expect(unknown.ms).toBeLessThan(500);
  });

  it(`answers failed log-ins of an unknown email exactly as of a real account: ${LOCKOUT_THRESHOLD - 1} invalid, then locked`, async () => {
    const reasonsFor = async (email: string) => {
      const reasons: string[] = [];
      for (let i = 0; i < LOCKOUT_THRESHOLD + 1; i++) {
        const check = await verifyCredentials(email, `guess-${i}-Password`);
        reasons.push(check.ok ? "ok" : check.reason);
      }
      return reasons;
    };
    const real = await signUp({ email: uniqueEmail("real"), password: TEST_PASSWORD, name: "Real" });
    const expected = [...Array(LOCKOUT_THRESHOLD - 1).fill("invalid"), "locked", "locked"];
    expect(await reasonsFor(real.email)).toEqual(expected);
    expect(await reasonsFor(uniqueEmail("ghost"))).toEqual(expected);
  });
});
