// OAuth log-in as an attacker and a customer meet it, through next-auth's real GitHub provider against a
// GitHub stand-in: an account someone registered with the victim's address (never verified) is not taken
// over by a GitHub log-in, an unverified GitHub email is refused, and a verified one signs up and in.
import { expect, test } from "@playwright/test";
import { startAppInstance, type AppProcess } from "../tests/support/app-process";
import { uniqueEmail } from "../tests/support/ids";
import { ownerQuery } from "../tests/support/owner-db";
import { signUpAndLogIn } from "./support/accounts";
import { startGitHubStandIn } from "./support/github-stand-in";

const PORT = 3130;
test.describe.configure({ mode: "serial" });

let github: Awaited<ReturnType<typeof startGitHubStandIn>>;
let app: AppProcess;
// GitHub account ids unique to this run: the suite's database outlives one run when reused by hand.
let nextId = Date.now();

test.beforeAll(async () => {
  test.setTimeout(90_000);
  github = await startGitHubStandIn();
  app = await startAppInstance(PORT, {
    DATABASE_URL: process.env.DATABASE_URL ?? "",
    NEXTAUTH_SECRET: "oauth-only-secret",
    NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
    GITHUB_ID: "stand-in-client",
    GITHUB_SECRET: "stand-in-secret",
    GITHUB_OAUTH_BASE: github.url,
    GITHUB_API_BASE: github.url,
    RUN_WORKERS: "0",
    LOG_LEVEL: "warn",
  });
});

test.afterAll(async () => {
  await app?.stop("SIGKILL");
  await github?.close();
});

const githubAccounts = async (email: string) =>
  (
    await ownerQuery(
      `SELECT count(*)::int AS n FROM "Account" a JOIN "User" u ON u.id = a."userId" WHERE u.email = $1 AND a.provider = 'github'`,
      [email],
    )
  ).rows[0].n as number;

async function logInWithGitHub(page: import("@playwright/test").Page, email: string, verified: boolean, id = nextId++) {
  github.next.identity = { id, login: `gh-${id}`, name: "GitHub Person", email, verified };
  await page.goto(`${app.url}/login`);
  await page.getByRole("button", { name: "Continue with GitHub" }).click();
}

test("a GitHub log-in does not take over an account registered with the victim's address and never verified", async ({ page }) => {
  const squatted = await signUpAndLogIn(app.url, "squatted"); // password account, email never verified
  await logInWithGitHub(page, squatted.email, true);
  await expect(page).toHaveURL(/\/login\?error=OAuthAccountNotLinked/);
  await expect(page.getByTestId("form-alert")).toContainText("Log in with your password first");
  expect(await githubAccounts(squatted.email)).toBe(0);
});

test("an email GitHub has not verified is refused", async ({ page }) => {
  const email = uniqueEmail("gh-unverified");
  await logInWithGitHub(page, email, false);
  await expect(page).toHaveURL(/\/login\?error=OAuthEmailUnverified/);
  await expect(page.getByTestId("form-alert")).toContainText("has not verified this email address");
  expect((await ownerQuery(`SELECT count(*)::int AS n FROM "User" WHERE email = $1`, [email])).rows[0].n).toBe(0);
});

test("a verified GitHub email signs up and in, and signs in to the same account next time", async ({ page }) => {
  const email = uniqueEmail("gh-verified");
  const githubId = nextId++;
  await logInWithGitHub(page, email, true, githubId);
  await expect(page).toHaveURL(/\/workspaces\/new/);
  expect(await githubAccounts(email)).toBe(1);
  const session = await (await page.request.get(`${app.url}/api/auth/session`)).json();
  expect(session.user.email).toBe(email);

  await page.context().clearCookies();
  await logInWithGitHub(page, email, true, githubId);
  await expect(page).toHaveURL(/\/workspaces\/new/);
  expect(await githubAccounts(email)).toBe(1);
});
