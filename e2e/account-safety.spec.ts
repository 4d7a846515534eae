// Account safety through the real server: rate limits on log-in and sign-up, lockout, sessions that end.
import { expect, request, test, type APIResponse } from "@playwright/test";
import { TEST_PASSWORD, uniqueEmail } from "../tests/support/ids";
import { LogInPage } from "./pages/auth-pages";
import { logIn, signUpAndLogIn } from "./support/accounts";

type Api = Awaited<ReturnType<typeof request.newContext>>;
const CALLBACK = "/api/auth/callback/credentials";
const LOGIN_EMAIL_LIMIT = 20; // AUTH_LIMITS.loginPerEmail: 20 attempts per 15 minutes
const LOCKOUT_THRESHOLD = 8;

async function csrfToken(api: Api): Promise<string> {
  return (await (await api.get("/api/auth/csrf")).json()).csrfToken;
}

async function attemptLogIn(api: Api, email: string, password: string) {
  return api.post(CALLBACK, { form: { csrfToken: await csrfToken(api), email, password, json: "true" } });
}

/** A form body with `email` twice, which the `form` option cannot express: next-auth checks the last one. */
async function attemptWithDecoy(api: Api, decoy: string, email: string, password: string) {
  const data = new URLSearchParams([
    ["csrfToken", await csrfToken(api)],
    ["email", decoy],
    ["email", email],
    ["password", password],
    ["json", "true"],
  ]).toString();
  return api.post(CALLBACK, { headers: { "content-type": "application/x-www-form-urlencoded" }, data });
}

async function attemptWithJson(api: Api, email: string, password: string) {
  return api.post(CALLBACK, { data: { csrfToken: await csrfToken(api), email, password, json: "true" } });
}

/** next-auth's answer to a `json: "true"` log-in: the `error` of the URL it sends the client to, or null. */
async function logInError(response: APIResponse): Promise<string | null> {
  const { url } = (await response.json()) as { url: string };
  return new URL(url).searchParams.get("error");
}

/** An email with no account answers failed log-ins as a real account would: 7 wrong passwords, then locked. */
const failureAnswer = (attempt: number) => (attempt < 7 ? "CredentialsSignin" : "AccountLocked");

test("log-in attempts for one email are limited: the 21st within 15 minutes is refused as RateLimited", async ({ baseURL }) => {
  test.setTimeout(90_000);
  const api = await request.newContext({ baseURL });
  const email = uniqueEmail("hammered");
  // next-auth answers a failed password log-in with 401 and the error in the URL it names.
  for (let i = 0; i < LOGIN_EMAIL_LIMIT; i++) {
    const response = await attemptLogIn(api, email, "wrong-Password-1");
    expect(response.status()).toBe(401);
    expect(await logInError(response)).toBe(failureAnswer(i));
  }
  // The limit is applied inside next-auth's authorize, so the refusal comes as next-auth's error, which the
  // login page shows as "Too many log-in attempts" (login-errors.ts).
  const limited = await attemptLogIn(api, email, "wrong-Password-1");
  expect(limited.status()).toBe(401);
  expect(await logInError(limited)).toBe("RateLimited");
  // Another email from the same client is not affected.
  expect(await logInError(await attemptLogIn(api, uniqueEmail("bystander"), "wrong-Password-1"))).toBe("CredentialsSignin");
});

test("the per-email limit counts the email next-auth checks: a repeated email field's last value, and JSON bodies", async ({ baseURL }) => {
  test.setTimeout(120_000);
  const api = await request.newContext({ baseURL });

  const victim = uniqueEmail("victim");
  for (let i = 0; i < LOGIN_EMAIL_LIMIT; i++) {
    expect(await logInError(await attemptWithDecoy(api, uniqueEmail(`decoy${i}`), victim, "wrong-Password-1"))).toBe(failureAnswer(i));
  }
  expect(await logInError(await attemptWithDecoy(api, uniqueEmail("decoy"), victim, "wrong-Password-1"))).toBe("RateLimited");
  expect(await logInError(await attemptLogIn(api, victim, "wrong-Password-1"))).toBe("RateLimited");

  const jsonVictim = uniqueEmail("json-victim");
  for (let i = 0; i < LOGIN_EMAIL_LIMIT; i++) {
    expect(await logInError(await attemptWithJson(api, jsonVictim, "wrong-Password-1"))).toBe(failureAnswer(i));
  }
  expect(await logInError(await attemptWithJson(api, jsonVictim, "wrong-Password-1"))).toBe("RateLimited");
  expect(await logInError(await attemptLogIn(api, jsonVictim, "wrong-Password-1"))).toBe("RateLimited");
});

test("a burst of parallel guesses with the right password among them cannot log in past the lockout", async ({ baseURL }) => {
  test.setTimeout(120_000);
  const signup = await request.newContext({ baseURL });
  const email = uniqueEmail("burst");
  expect((await signup.post("/api/auth/signup", { data: { email, password: TEST_PASSWORD, name: "Burst" } })).status()).toBe(201);

  // 16 wrong guesses and the right password, each from its own client, fired at once: 17 attempts, and one
  // more below, stay within the per-email limit of 20, so every answer is the lockout's.
  const passwords = Array.from({ length: 16 }, (_, i) => `wrong-${i}-Password`);
  passwords.splice(8, 0, TEST_PASSWORD);
  const attackers = await Promise.all(
    passwords.map(async (password) => {
      const api = await request.newContext({ baseURL });
      return { api, form: { csrfToken: await csrfToken(api), email, password, json: "true" } };
    }),
  );
  const responses = await Promise.all(attackers.map(({ api, form }) => api.post(CALLBACK, { form })));
  const errors = await Promise.all(responses.map(logInError));
  const sessions = await Promise.all(attackers.map(async ({ api }) => (await (await api.get("/api/auth/session")).json()).user));

  // The right password may win only by being decided before the 8th failure locked the account (it then
  // starts the count again); a guess decided after the lock is refused whatever it is. So: at most one
  // session, and it is the right password's; at most 7 failures answered as plain wrong passwords per
  // unlocked stretch; every other answer AccountLocked.
  const oks = errors.filter((e) => e === null).length;
  expect(oks).toBeLessThanOrEqual(1);
  expect(sessions.filter(Boolean)).toHaveLength(oks);
  if (oks) expect(errors[8]).toBeNull();
  expect(errors.filter((e) => e === "CredentialsSignin").length).toBeLessThanOrEqual((LOCKOUT_THRESHOLD - 1) * (1 + oks));
  expect(errors.every((e) => e === null || e === "CredentialsSignin" || e === "AccountLocked")).toBe(true);

  // However the burst went, the account ends locked, for the right password too.
  expect(await logInError(await attemptLogIn(signup, email, TEST_PASSWORD))).toBe("AccountLocked");
});

test("sign-ups for one email are limited to 5 an hour", async ({ request }) => {
  const email = uniqueEmail("spam");
  const statuses = [];
  for (let i = 0; i < 6; i++) {
    statuses.push((await request.post("/api/auth/signup", { data: { email, password: TEST_PASSWORD, name: "Spam" } })).status());
  }
  expect(statuses).toEqual([201, 409, 409, 409, 409, 429]);
});

test("a locked account is told so at log-in, even with the right password", async ({ page, baseURL }) => {
  const user = await signUpAndLogIn(baseURL!, "locked");
  const api = await request.newContext({ baseURL });
  for (let i = 0; i < LOCKOUT_THRESHOLD; i++) await attemptLogIn(api, user.email, `wrong-Password-${i}`);
  const logInPage = new LogInPage(page);
  await logInPage.open();
  await logInPage.logIn(user.email, TEST_PASSWORD);
  await expect(logInPage.alert()).toContainText("Your account is locked for 15 minutes");
  await expect(page).toHaveURL(/\/login/);
});

test("log out everywhere ends every session of the user", async ({ baseURL }) => {
  const laptop = await signUpAndLogIn(baseURL!, "everywhere");
  const phone = await request.newContext({ baseURL });
  await logIn(phone, laptop.email);
  expect((await phone.get("/api/workspaces")).status()).toBe(200);

  const revoked = await laptop.api.delete("/api/account/sessions");
  expect(revoked.status()).toBe(200);
  expect((await revoked.json()).revoked).toBe(2);
  expect((await phone.get("/api/workspaces")).status()).toBe(401);
  expect((await laptop.api.get("/api/workspaces")).status()).toBe(401);
  expect((await (await phone.get("/api/auth/session")).json()).user).toBeUndefined();
});

test("changing the password in the browser logs out other sessions and keeps this one", async ({ page, baseURL }) => {
  const user = await signUpAndLogIn(baseURL!, "changer");
  await new LogInPage(page).open();
  await new LogInPage(page).logIn(user.email, TEST_PASSWORD);
  await expect(page).toHaveURL(/\/workspaces\/new/);
  await page.goto("/account");
  await page.getByLabel("Current password").fill(TEST_PASSWORD);
  await page.getByLabel("New password").fill("changed-Password-99");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status")).toContainText("Password changed");

  expect((await user.api.get("/api/workspaces")).status()).toBe(401);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  const fresh = await request.newContext({ baseURL });
  await logIn(fresh, user.email, "changed-Password-99");
});

test("logging in from a link whose callbackUrl hides another host (/\\t/evil.example) stays on AgentHQ", async ({ page, baseURL }) => {
  const user = await signUpAndLogIn(baseURL!, "redirected");
  // Had the browser been sent to the other host, it lands on this stand-in instead of a DNS error.
  let leftForEvil = false;
  await page.route(
    (url) => url.hostname === "evil.example",
    (route) => {
      leftForEvil = true;
      return route.fulfill({ status: 200, contentType: "text/html", body: "<h1>evil</h1>" });
    },
  );
  const logInPage = new LogInPage(page);
  await page.goto("/login?callbackUrl=%2F%09%2Fevil.example");
  await logInPage.logIn(user.email, TEST_PASSWORD);
  // The callback is refused, so log-in goes where it goes by default: a new user's first workspace.
  await expect(page).toHaveURL(/\/workspaces\/new/);
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  expect(leftForEvil).toBe(false);
});
