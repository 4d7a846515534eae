// Every page answers with a strict Content-Security-Policy (a fresh nonce, no eval) and the hardening
// headers, runs under it without a single violation, and stays interactive: hydration works, forms submit.
import { expect, test, type Page, type Response } from "@playwright/test";
import { TEST_PASSWORD, uniqueEmail, uniqueSlug } from "../tests/support/ids";
import { LogInPage, NewWorkspacePage, SignUpPage } from "./pages/auth-pages";
import { DashboardPage } from "./pages/dashboard-page";

/** Collects what Chromium reports when the policy blocks something (console errors "… Content Security Policy …"). */
function watchForViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  return violations;
}

function nonceOf(policy: string): string {
  const nonce = /script-src [^;]*'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
  expect(nonce, policy).toBeTruthy();
  return nonce!;
}

async function expectStrictHeaders(response: Response | null) {
  expect(response, "a document response").not.toBeNull();
  const headers = response!.headers();
  const policy = headers["content-security-policy"] ?? "";
  expect(policy, response!.url()).toContain("default-src 'self'");
  expect(policy).toContain("'strict-dynamic'");
  expect(policy).not.toContain("unsafe-eval");
  for (const directive of ["object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"]) {
    expect(policy).toContain(directive);
  }
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  // Next put this request's nonce on its scripts, so they may run.
  expect(await response!.text()).toContain(`nonce="${nonceOf(policy)}"`);
}

test("public pages carry a strict policy and render without a violation", async ({ page }) => {
  const violations = watchForViolations(page);
  for (const path of ["/", "/pricing", "/login", "/signup"]) {
    await expectStrictHeaders(await page.goto(path, { waitUntil: "networkidle" }));
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  expect(violations).toEqual([]);
});

test("every response gets a fresh nonce", async ({ request }) => {
  const nonces = new Set<string>();
  for (let i = 0; i < 3; i++) nonces.add(nonceOf((await request.get("/")).headers()["content-security-policy"] ?? ""));
  expect(nonces.size).toBe(3);
});

test("the log-in form works under the policy", async ({ page }) => {
  const violations = watchForViolations(page);
  const email = uniqueEmail("csp-login");
  expect((await page.request.post("/api/auth/signup", { data: { email, password: TEST_PASSWORD, name: "CSP" } })).status()).toBe(201);

  const logIn = new LogInPage(page);
  await logIn.open();
  // The form's own script answers (no full-page submit): hydration ran under the policy.
  await logIn.logIn(email, "wrong-Password-1");
  await expect(logIn.alert()).toHaveText("Email or password is incorrect.");
  await logIn.logIn(email, TEST_PASSWORD);
  await new NewWorkspacePage(page).expectOpen();
  expect(violations).toEqual([]);
});

test("a signed-in customer's dashboard runs under the policy", async ({ page }) => {
  const violations = watchForViolations(page);
  const signUp = new SignUpPage(page);
  await signUp.open();
  await signUp.fill("Ada CSP", uniqueEmail("csp-dashboard"), TEST_PASSWORD);
  await signUp.submit();
  const newWorkspace = new NewWorkspacePage(page);
  await newWorkspace.expectOpen();
  const slug = uniqueSlug("csp");
  await newWorkspace.create("CSP Labs", slug);
  const dashboard = new DashboardPage(page);
  await dashboard.expectWorkspace("CSP Labs", slug);

  for (const section of ["", "/usage", "/runs", "/keys"]) {
    await expectStrictHeaders(await page.goto(`/w/${slug}${section}`, { waitUntil: "networkidle" }));
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  // Client-side navigation loads further scripts, trusted through 'strict-dynamic'.
  await dashboard.openSection("Members");
  await expect(page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();
  expect(violations).toEqual([]);
});
