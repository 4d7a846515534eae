// The per-email log-in limit, through next-auth's own request handling (issue 16, item 2): it must
// hold for the email next-auth checks, which for a form with a repeated `email` field is the last one,
// and for JSON bodies, which next-auth accepts too.
//
// next-auth's App Router handler reads cookies and headers from Next's request scope, which a test has
// not got; so the test does the two steps it does around that: parse the body with next-auth's own
// parser (next/utils getBody) and call its core AuthHandler. Neither is in the package's exports map,
// hence the file paths. The route in front (per-IP limit, body size) is covered by e2e/account-safety.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { TEST_PASSWORD, uniqueEmail } from "../support/ids";

process.env.NEXTAUTH_URL = "http://localhost:3000";
process.env.NEXTAUTH_SECRET = "login-rate-limit-test-secret";
// Imported after the environment is set: it is parsed once, on first import.
const { authOptions } = await import("@/lib/auth/auth-options");
const { AUTH_LIMITS } = await import("@/lib/auth/auth-rate-limits");
const { signUp } = await import("@/lib/users/sign-up");

type Internal = { status?: number; redirect?: string; body?: { csrfToken?: string }; cookies?: { name: string; value: string }[] };
const require = createRequire(import.meta.url);
const { AuthHandler } = require("../../node_modules/next-auth/core/index.js") as {
  AuthHandler(params: { req: Record<string, unknown>; options: typeof authOptions }): Promise<Internal>;
};
const { getBody } = require("../../node_modules/next-auth/next/utils.js") as { getBody(req: Request): Promise<unknown> };

const ORIGIN = "http://localhost:3000";
const LIMIT = AUTH_LIMITS.loginPerEmail.limit;

async function csrf(): Promise<{ token: string; cookies: Record<string, string> }> {
  const response = await AuthHandler({
    req: { method: "GET", action: "csrf", headers: { host: "localhost:3000" }, cookies: {}, query: {} },
    options: authOptions,
  });
  const cookies = Object.fromEntries((response.cookies ?? []).map((c) => [c.name, c.value]));
  return { token: response.body!.csrfToken!, cookies };
}

/** POSTs a body to callback/credentials as next-auth's route handler would; answers next-auth's ?error= (or "ok"). */
async function postCredentials(contentType: string, body: (csrfToken: string) => string): Promise<string> {
  const { token, cookies } = await csrf();
  const request = new Request(`${ORIGIN}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": contentType },
    body: body(token),
  });
  const response = await AuthHandler({
    req: {
      body: await getBody(request),
      query: {},
      cookies,
      headers: { host: "localhost:3000", "content-type": contentType },
      method: "POST",
      action: "callback",
      providerId: "credentials",
      error: "credentials",
    },
    options: authOptions,
  });
  const error = new URL(response.redirect!, ORIGIN).searchParams.get("error");
  if (error) return error;
  expect(response.cookies?.some((c) => c.name === "next-auth.session-token")).toBe(true);
  return "ok";
}

const FORM = "application/x-www-form-urlencoded";
const form = (fields: [string, string][]) => (csrfToken: string) => new URLSearchParams([["csrfToken", csrfToken], ...fields]).toString();
const json = (fields: Record<string, string>) => (csrfToken: string) => JSON.stringify({ csrfToken, ...fields });

describe("per-email log-in limit, on the email next-auth checks", () => {
  it("lets a right password in and answers a wrong one with CredentialsSignin (the harness works)", async () => {
    const user = await signUp({ email: uniqueEmail("harness"), password: TEST_PASSWORD, name: "Harness" });
    expect(
      await postCredentials(
        FORM,
        form([
          ["email", user.email],
          ["password", TEST_PASSWORD],
        ]),
      ),
    ).toBe("ok");
    expect(
      await postCredentials(
        FORM,
        form([
          ["email", user.email],
          ["password", "wrong-Password-1"],
        ]),
      ),
    ).toBe("CredentialsSignin");
  });

  it("counts a form's last email field, which is the one checked, not a decoy before it", async () => {
    const victim = await signUp({ email: uniqueEmail("victim"), password: TEST_PASSWORD, name: "Victim" });
    for (let i = 0; i < LIMIT; i++) {
      const decoy = uniqueEmail(`decoy${i}`);
      const answer = await postCredentials(
        FORM,
        form([
          ["email", decoy],
          ["email", victim.email],
          ["password", `wrong-${i}-Password`],
        ]),
      );
      // Not yet limited; the lockout answers for the victim's account once it has seen enough failures.
      expect(["CredentialsSignin", "AccountLocked"]).toContain(answer);
    }
    expect(
      await postCredentials(
        FORM,
        form([
          ["email", uniqueEmail("decoy")],
          ["email", victim.email],
          ["password", "wrong-Password-x"],
        ]),
      ),
    ).toBe("RateLimited");
    expect(
      await postCredentials(
        FORM,
        form([
          ["email", victim.email],
          ["password", TEST_PASSWORD],
        ]),
      ),
    ).toBe("RateLimited");
    // The decoys were never the checked email, so nothing was counted against them.
    expect(
      await postCredentials(
        FORM,
        form([
          ["email", victim.email],
          ["email", uniqueEmail("decoy")],
          ["password", "wrong-Password-y"],
        ]),
      ),
    ).toBe("CredentialsSignin");
  }, 60_000);

  it("counts JSON bodies, and the email's case and surrounding spaces make no new identity", async () => {
    const email = uniqueEmail("json");
    for (let i = 0; i < LIMIT; i++) {
      const variant = i % 2 ? ` ${email.toUpperCase()} ` : email;
      // An unknown email locks after as many failures as a real account would (account-enumeration.test.ts).
      expect(["CredentialsSignin", "AccountLocked"]).toContain(
        await postCredentials("application/json", json({ email: variant, password: `wrong-${i}-Password` })),
      );
    }
    expect(await postCredentials("application/json", json({ email, password: "wrong-Password-x" }))).toBe("RateLimited");
    expect(
      await postCredentials(
        FORM,
        form([
          ["email", email],
          ["password", "wrong-Password-y"],
        ]),
      ),
    ).toBe("RateLimited");
  }, 60_000);
});
