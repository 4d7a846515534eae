// Teams in the browser: an owner invites a teammate, who accepts in another browser; roles shape the UI.
import { expect, test } from "@playwright/test";
import { TEST_PASSWORD, uniqueEmail, uniqueSlug } from "../tests/support/ids";
import { setTier } from "../tests/support/owner-db";
import { LogInPage, NewWorkspacePage, SignUpPage } from "./pages/auth-pages";
import { DashboardPage } from "./pages/dashboard-page";
import { signUpAndLogIn } from "./support/accounts";
import { invite } from "./support/team";

test("an owner invites a teammate, who signs up from the link and sees the workspace with the invited role", async ({ page, browser }) => {
  const ownerEmail = uniqueEmail("team-owner");
  const slug = uniqueSlug("team");
  await page.request.post("/api/auth/signup", { data: { email: ownerEmail, password: TEST_PASSWORD, name: "Owner" } });
  await new LogInPage(page).open();
  await new LogInPage(page).logIn(ownerEmail, TEST_PASSWORD);
  await new NewWorkspacePage(page).expectOpen();
  await new NewWorkspacePage(page).create("Team Rocket", slug);
  const dashboard = new DashboardPage(page);
  await dashboard.expectWorkspace("Team Rocket", slug);
  await setTier(slug, "starter");

  await dashboard.openSection("Members");
  const teammateEmail = uniqueEmail("teammate");
  await page.getByLabel("Email", { exact: true }).fill(teammateEmail);
  await page.getByLabel("Role", { exact: true }).selectOption("admin");
  await page.getByRole("button", { name: "Send invitation" }).click();
  const link = await page.getByLabel("Invitation link").inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{40,}$/);
  await expect(page.getByText(`${teammateEmail} as admin`)).toBeVisible();

  const teammate = await browser.newContext();
  const teammatePage = await teammate.newPage();
  await teammatePage.goto(link);
  await expect(teammatePage.getByRole("heading", { name: "Join Team Rocket" })).toBeVisible();
  await teammatePage.getByRole("link", { name: "Create an account to accept" }).click();
  const signUp = new SignUpPage(teammatePage);
  await expect(teammatePage.getByLabel("Email")).toHaveValue(teammateEmail);
  await teammatePage.getByLabel("Name").fill("Teammate");
  await teammatePage.getByLabel("Password").fill(TEST_PASSWORD);
  await signUp.submit();
  await teammatePage.getByRole("button", { name: "Accept invitation" }).click();
  await new DashboardPage(teammatePage).expectWorkspace("Team Rocket", slug);
  await expect(teammatePage.getByTestId("fact-Your role")).toHaveText("admin");
  await teammate.close();

  await page.reload();
  await expect(page.getByTestId(`member-${teammateEmail}`)).toContainText("admin");
  await dashboard.openSection("Audit log");
  await expect(page.getByRole("table")).toContainText("invitation.accepted");
});

test("a viewer cannot see the billing page", async ({ page, baseURL }) => {
  const owner = await signUpAndLogIn(baseURL!, "billing-owner");
  const created = await owner.api.post("/api/workspaces", { data: { name: "Billing Co" } });
  const { slug } = await created.json();
  await setTier(slug, "starter");
  const viewer = await signUpAndLogIn(baseURL!, "billing-viewer");
  await invite(owner, slug, viewer, "viewer");

  await new LogInPage(page).open();
  await new LogInPage(page).logIn(viewer.email, TEST_PASSWORD);
  await new DashboardPage(page).expectWorkspace("Billing Co", slug);
  const nav = new DashboardPage(page).nav();
  await expect(nav.getByRole("link", { name: "Runs" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Billing" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Audit log" })).toHaveCount(0);

  await page.goto(`/w/${slug}/billing`);
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  await expect(page.getByText("Only owners can see and change billing.")).toBeVisible();
});
