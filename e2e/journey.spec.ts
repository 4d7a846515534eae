// A visitor becomes a customer: landing → pricing → sign up → first workspace → dashboard → log out → log in.
import { expect, test } from "@playwright/test";
import { TEST_PASSWORD, uniqueEmail, uniqueSlug } from "../tests/support/ids";
import { LogInPage, NewWorkspacePage, SignUpPage } from "./pages/auth-pages";
import { DashboardPage } from "./pages/dashboard-page";
import { LandingPage } from "./pages/landing-page";

test("a visitor reads the pricing, signs up, creates a workspace, logs out and back in", async ({ page }) => {
  const landing = new LandingPage(page);
  await landing.open();
  const prices = [
    ["Free", "$0"],
    ["Starter", "$49"],
    ["Pro", "$149"],
    ["Enterprise", "Contact us"],
  ] as const;
  for (const [tier, price] of prices) {
    await expect(landing.pricingCard(tier)).toContainText(price);
  }
  await expect(landing.pricingCard("Free")).toContainText("10,000 API calls / month");
  await expect(page.getByRole("heading", { name: "Code Reviewer" })).toBeVisible();

  await landing.goToPricing();
  await expect(page.getByRole("table")).toContainText("2,000,000");
  await landing.startSignUp();

  const email = uniqueEmail("journey");
  const signUp = new SignUpPage(page);
  await signUp.fill("Grace Hopper", email, TEST_PASSWORD);
  await signUp.submit();

  const newWorkspace = new NewWorkspacePage(page);
  await newWorkspace.expectOpen();
  const slug = uniqueSlug("hopper");
  await newWorkspace.create("Hopper Labs", slug);

  const dashboard = new DashboardPage(page);
  await dashboard.expectWorkspace("Hopper Labs", slug);
  await expect(page.getByTestId("signed-in-as")).toHaveText(email);
  await dashboard.openSection("Runs");
  await expect(page.getByRole("heading", { level: 1, name: "Runs" })).toBeVisible();

  await dashboard.logOut();
  await page.goto(`/w/${slug}`);
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);

  await new LogInPage(page).logIn(email, TEST_PASSWORD);
  await dashboard.expectWorkspace("Hopper Labs", slug);
});

test("sign-up and log-in forms explain what is wrong", async ({ page }) => {
  const signUp = new SignUpPage(page);
  await signUp.open();
  await signUp.fill("Weak", uniqueEmail("weak"), "short");
  await signUp.submit();
  await expect(signUp.fieldError("password")).toHaveText("Use at least 10 characters.");

  const email = uniqueEmail("taken");
  const response = await page.request.post("/api/auth/signup", { data: { email, password: TEST_PASSWORD, name: "Taken" } });
  expect(response.status()).toBe(201);
  await signUp.fill("Again", email, TEST_PASSWORD);
  await signUp.submit();
  await expect(signUp.alert()).toContainText("already exists");

  const logIn = new LogInPage(page);
  await logIn.open();
  await logIn.logIn(email, "wrong-Password-1");
  await expect(logIn.alert()).toHaveText("Email or password is incorrect.");
});

test("a signed-in user cannot open another customer's workspace", async ({ page, browser }) => {
  const ownerEmail = uniqueEmail("owner");
  const slug = uniqueSlug("private");
  const owner = await browser.newContext();
  const ownerPage = await owner.newPage();
  await ownerPage.request.post("/api/auth/signup", { data: { email: ownerEmail, password: TEST_PASSWORD, name: "Owner" } });
  await new LogInPage(ownerPage).open();
  await new LogInPage(ownerPage).logIn(ownerEmail, TEST_PASSWORD);
  await new NewWorkspacePage(ownerPage).expectOpen();
  await new NewWorkspacePage(ownerPage).create("Private Co", slug);
  await new DashboardPage(ownerPage).expectWorkspace("Private Co", slug);
  await owner.close();

  const otherEmail = uniqueEmail("other");
  await page.request.post("/api/auth/signup", { data: { email: otherEmail, password: TEST_PASSWORD, name: "Other" } });
  await new LogInPage(page).open();
  await new LogInPage(page).logIn(otherEmail, TEST_PASSWORD);
  await new NewWorkspacePage(page).expectOpen();
  const response = await page.goto(`/w/${slug}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByText("Private Co")).toHaveCount(0);
});
