// A new customer's first minutes, clicked as a person would: sign up, create a workspace, make a key on
// the overview, copy the curl snippet it fills in, run it, and watch the checklist tick itself off.
// The time from signing up to the first successful API call is measured and printed.
import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { TEST_PASSWORD, uniqueEmail, uniqueSlug } from "../tests/support/ids";
import { NewWorkspacePage, SignUpPage } from "./pages/auth-pages";

test("sign-up to a first successful API call through the overview's quickstart", async ({ page }) => {
  const started = Date.now();
  const signUp = new SignUpPage(page);
  await signUp.open();
  await signUp.fill("Quick Starter", uniqueEmail("quickstart"), TEST_PASSWORD);
  await signUp.submit();
  const newWorkspace = new NewWorkspacePage(page);
  await newWorkspace.expectOpen();
  await newWorkspace.create("Quickstart Co", uniqueSlug("quick"));
  await expect(page).toHaveURL(/\/w\/[^/]+$/, { timeout: 20_000 });
  const steps = page.getByTestId("quickstart-step");
  await expect(steps).toHaveCount(3);
  await expect(steps.nth(0)).toHaveAttribute("data-done", "false");

  await page.getByRole("button", { name: "Create a key" }).click();
  const key = (await page.getByTestId("quickstart-key").textContent())!;
  expect(key).toMatch(/^ahq_live_/);
  await expect(steps.nth(0)).toHaveAttribute("data-done", "true");
  const curl = (await page.locator("pre").filter({ hasText: "curl -s -X POST" }).textContent())!;
  expect(curl).toContain(key);

  // Paste it in a terminal.
  const answer = JSON.parse(execFileSync("sh", ["-c", curl], { encoding: "utf8" }));
  expect(answer).toMatchObject({ status: "queued", agent: "research" });
  const firstCallSeconds = (Date.now() - started) / 1000;
  console.log(`sign-up to first successful API call: ${firstCallSeconds.toFixed(1)} s`);

  // The checklist ticks itself off and says it worked; the run is among the latest.
  await expect(page.getByTestId("quickstart-done")).toContainText("It worked", { timeout: 20_000 });
  for (const i of [0, 1, 2]) await expect(steps.nth(i)).toHaveAttribute("data-done", "true");
  await expect(page.getByTestId("recent-runs")).toContainText(answer.id);
  await page.screenshot({ path: test.info().outputPath("quickstart.png"), fullPage: true });
  expect(firstCallSeconds).toBeLessThan(60);
});
