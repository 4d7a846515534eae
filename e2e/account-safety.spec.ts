// Account safety through the real server: rate limits on log-in and sign-up, lockout, sessions that end.
import { expect, request, test } from "@playwright/test";
import { LogInPage } from "./pages/auth-pages";
import { logIn, signUpAndLogIn } from "./support/accounts";
import { PASSWORD, uniqueEmail } from "./support/ids";

async function attemptLogIn(api: Awaited<ReturnType<typeof request.newContext>>, email: string, password: string) {
  const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
  return api.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" } });
}

test("log-in attempts for one email are limited: the 21st within 15 minutes gets 429 with Retry-After", async ({ baseURL }) => {
  test.setTimeout(90_000);
  const api = await request.newContext({ baseURL });
  const email = uniqueEmail("hammered");
  // next-auth answers a failed password log-in with 401.
  for (let i = 0; i < 20; i++) expect((await attemptLogIn(api, email, "wrong-Password-1")).status()).toBe(401);
  const limited = await attemptLogIn(api, email, "wrong-Password-1");
  expect(limited.status()).toBe(429);
  const retryAfter = Number(limited.headers()["retry-after"]);
  expect(retryAfter).toBeGreaterThan(0);
  const body = await limited.json();
  expect(body).toMatchObject({ code: "rate_limited", status: 429 });
  // Another email from the same client is not affected.
  expect((await attemptLogIn(api, uniqueEmail("bystander"), "wrong-Password-1")).status()).toBe(401);
});

test("sign-ups for one email are limited to 5 an hour", async ({ request }) => {
  const email = uniqueEmail("spam");
  const statuses = [];
  for (let i = 0; i < 6; i++) {
    statuses.push((await request.post("/api/auth/signup", { data: { email, password: PASSWORD, name: "Spam" } })).status());
  }
  expect(statuses).toEqual([201, 409, 409, 409, 409, 429]);
});

test("a locked account is told so at log-in, even with the right password", async ({ page, baseURL }) => {
  const user = await signUpAndLogIn(baseURL!, "locked");
  const api = await request.newContext({ baseURL });
  for (let i = 0; i < 8; i++) await attemptLogIn(api, user.email, `wrong-Password-${i}`);
  const logInPage = new LogInPage(page);
  await logInPage.open();
  await logInPage.logIn(user.email, PASSWORD);
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
  await new LogInPage(page).logIn(user.email, PASSWORD);
  await expect(page).toHaveURL(/\/workspaces\/new/);
  await page.goto("/account");
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password").fill("changed-Password-99");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status")).toContainText("Password changed");

  expect((await user.api.get("/api/workspaces")).status()).toBe(401);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  const fresh = await request.newContext({ baseURL });
  await logIn(fresh, user.email, "changed-Password-99");
});
