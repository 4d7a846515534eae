// Billing in the browser: an owner upgrades through (the stand-in of) Stripe Checkout; the signed webhook
// arrives and the billing page shows the new tier and its limits without a reload. Billing off says so.
import { expect, test } from "@playwright/test";
import { TEST_PASSWORD, uniqueEmail, uniqueSlug } from "../tests/support/ids";
import { signedDelivery, stripeEvent } from "../tests/support/stripe-events";
import { LogInPage, NewWorkspacePage } from "./pages/auth-pages";
import { DashboardPage } from "./pages/dashboard-page";
import { signUpAndLogIn } from "./support/accounts";
import { E2E_STRIPE, MAIN_INSTANCE, MEMORY_INSTANCE, STRIPE_STAND_IN } from "./support/instances";

async function deliverWebhook(event: object, secret = E2E_STRIPE.STRIPE_WEBHOOK_SECRET) {
  const { body, signature } = signedDelivery(event, secret);
  return fetch(`${MAIN_INSTANCE}/api/webhooks/stripe`, {
    method: "POST",
    headers: { "content-type": "application/json", "stripe-signature": signature },
    body,
  });
}

test("an owner upgrades to Pro through Checkout and sees the new tier once Stripe confirms", async ({ page }) => {
  const email = uniqueEmail("billing-owner");
  const slug = uniqueSlug("billing");
  await page.request.post("/api/auth/signup", { data: { email, password: TEST_PASSWORD, name: "Owner" } });
  await new LogInPage(page).open();
  await new LogInPage(page).logIn(email, TEST_PASSWORD);
  await new NewWorkspacePage(page).create("Billing Co", slug);
  await new DashboardPage(page).openSection("Billing");

  await expect(page.getByTestId("current-tier")).toHaveText("Free");
  await expect(page.getByText("billing off")).toHaveCount(0);
  await expect(page.getByTestId("usage-API calls")).toContainText("of 10,000 calls");
  await expect(page.getByTestId("plan-enterprise").getByRole("link", { name: "Contact us" })).toBeVisible();
  await page.getByRole("button", { name: "Upgrade to Pro" }).click();

  await page.waitForURL(new RegExp(`^${STRIPE_STAND_IN}/checkout/cs_test_`));
  await expect(page.getByRole("heading", { name: "Stand-in Checkout" })).toBeVisible();
  const sessionId = new URL(page.url()).pathname.split("/").pop();

  // The customer pays; Stripe sends them back and, separately, sends the webhook.
  const completed = await (await fetch(`${STRIPE_STAND_IN}/_control/checkout/${sessionId}/complete`, { method: "POST" })).json();
  await page.goto(completed.session.success_url);
  await expect(page.getByText("as soon as Stripe confirms it")).toBeVisible();
  await expect(page.getByTestId("current-tier")).toHaveText("Free");

  const response = await deliverWebhook(stripeEvent("checkout.session.completed", completed.session));
  expect(response.status).toBe(200);

  await expect(page.getByTestId("current-tier")).toHaveText("Pro", { timeout: 15_000 }); // the page refreshes itself
  await expect(page.getByTestId("usage-API calls")).toContainText("of 2,000,000 calls");
  await expect(page.getByTestId("subscription-status")).toContainText("Pro renews on");
  await expect(page.getByRole("button", { name: "Upgrade to Pro" })).toHaveCount(0);

  await page.getByRole("button", { name: "Manage billing" }).click();
  await page.waitForURL(new RegExp(`^${STRIPE_STAND_IN}/portal/`));

  const audit = await (await page.request.get(`/api/workspaces/${slug}/audit-log`)).json();
  expect(audit.data.map((entry: { action: string }) => entry.action)).toEqual(
    expect.arrayContaining(["subscription.changed", "tier.changed"]),
  );
});

test("the webhook refuses unsigned and wrongly signed deliveries over HTTP", async () => {
  const event = stripeEvent("customer.subscription.deleted", { id: "sub_x", object: "subscription", customer: "cus_x" });
  const unsigned = await fetch(`${MAIN_INSTANCE}/api/webhooks/stripe`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(event),
  });
  expect(unsigned.status).toBe(400);
  expect(unsigned.headers.get("content-type")).toContain("application/problem+json");
  expect((await deliverWebhook(event, "whsec_forged")).status).toBe(400);
});

test("with billing off, the page says so and checkout is refused", async ({ browser }) => {
  const owner = await signUpAndLogIn(MEMORY_INSTANCE, "billing-off");
  const created = await owner.api.post("/api/workspaces", { data: { name: "Self Hosted" } });
  const { slug } = await created.json();
  const checkout = await owner.api.post(`/api/workspaces/${slug}/billing/checkout`, { data: { tier: "pro" } });
  expect(checkout.status()).toBe(409);
  expect((await checkout.json()).detail).toContain("npm run admin -- set-tier");

  const context = await browser.newContext({ baseURL: MEMORY_INSTANCE, storageState: await owner.api.storageState() });
  const page = await context.newPage();
  await page.goto(`/w/${slug}/billing`);
  await expect(page.getByTestId("billing-off")).toContainText(`npm run admin -- set-tier ${slug} <tier>`);
  await expect(page.getByRole("status").filter({ hasText: "Local mode" })).toContainText("billing off (set STRIPE_SECRET_KEY");
  await expect(page.getByRole("button", { name: /Upgrade/ })).toHaveCount(0);
  await context.close();
});
