// Model spend as a customer meets it: each run's trace of turns with tokens, cost and latency; the usage
// page's spend; an owner's spend limit refusing the next run; the workspace's own Anthropic key.
import { expect, test, type Browser } from "@playwright/test";
import { formatUsdAmount } from "@/lib/spend/money";
import { DashboardPage } from "./pages/dashboard-page";
import { apiClient, createKeyedWorkspace, type KeyedWorkspace } from "./support/keys";

const ticket = { agent: "support-triage", input: { ticket: "Exports time out for large accounts" } };

async function signedInPage(browser: Browser, baseURL: string, ws: KeyedWorkspace) {
  const context = await browser.newContext({ baseURL, storageState: await ws.owner.api.storageState() });
  return context.newPage();
}

async function finishedRun(baseURL: string, ws: KeyedWorkspace) {
  const api = await apiClient(baseURL, ws.key);
  const { id } = await (await api.post("/api/v1/runs", { data: ticket })).json();
  await expect.poll(async () => (await (await api.get(`/api/v1/runs/${id}`)).json()).status, { timeout: 15_000 }).toBe("succeeded");
  return { api, run: await (await api.get(`/api/v1/runs/${id}`)).json() };
}

test("the run page shows each model turn with its tokens, cost and latency; the usage page shows the spend", async ({
  browser,
  baseURL,
}) => {
  const ws = await createKeyedWorkspace(baseURL!, "spend-trace");
  const { api, run } = await finishedRun(baseURL!, ws);
  expect(run.trace).toHaveLength(2); // the offline provider: a tool call, then the answer
  expect(run.usage.costUsd).toBeCloseTo(
    run.trace.reduce((sum: number, s: { costUsd: number }) => sum + s.costUsd, 0),
    6,
  );

  const page = await signedInPage(browser, baseURL!, ws);
  await page.goto(`/w/${ws.slug}/runs/${run.id}`);
  const trace = page.getByTestId("run-trace");
  await expect(trace.getByRole("row")).toHaveCount(3);
  await expect(trace).toContainText("classify");
  await expect(trace).toContainText(formatUsdAmount(run.trace[0].costUsd));
  await expect(trace).toContainText(`${run.trace[1].latencyMs.toLocaleString("en-US")} ms`);
  await expect(page.getByTestId("run-spend")).toContainText(`${formatUsdAmount(run.usage.costUsd)} of the workspace's model budget`);
  await expect(page.getByText("Estimated: the offline demo provider")).toBeVisible();

  const usage = await (await api.get("/api/v1/usage")).json();
  expect(usage.modelSpend).toMatchObject({ usedUsd: run.usage.costUsd, includedUsd: 0.5, capUsd: 0.5, limitUsd: null });
  await new DashboardPage(page).openSection("Usage");
  await expect(page.getByTestId("usage-Model spend")).toContainText(`${formatUsdAmount(run.usage.costUsd)} of $0.50`);
  await expect(page.getByRole("table").first()).toContainText("support-triage");
});

test("an owner sets a spend limit on the usage page, and the next run is refused with the message", async ({ browser, baseURL }) => {
  const ws = await createKeyedWorkspace(baseURL!, "spend-limit", "pro");
  const { api, run } = await finishedRun(baseURL!, ws);
  const page = await signedInPage(browser, baseURL!, ws);
  await page.goto(`/w/${ws.slug}/usage`);

  const form = page.getByTestId("spend-limit");
  await form.getByLabel("Monthly spend limit (USD)").fill("1000");
  await form.getByRole("button", { name: "Set limit" }).click();
  await expect(form.getByText("Use less than $22.00.")).toBeVisible(); // no overage price configured here: Pro stops at its $22

  // A limit equal to what the workspace has spent leaves nothing for another run.
  await form.getByLabel("Monthly spend limit (USD)").fill(String(run.usage.costUsd));
  await form.getByRole("button", { name: "Set limit" }).click();
  await expect(form.getByRole("status")).toHaveText("Limit saved");
  await expect(form).toContainText(`reaches ${formatUsdAmount(run.usage.costUsd)}`);

  const refused = await api.post("/api/v1/runs", { data: ticket });
  expect(refused.status()).toBe(402);
  expect((await refused.json()).detail).toContain(`spend limit (${formatUsdAmount(run.usage.costUsd)}) is used up`);

  await page.goto(`/w/${ws.slug}/runs`);
  await page.getByText("Start a run").click(); // the form is folded once the workspace has runs
  await page.getByRole("button", { name: "Start run" }).click();
  await expect(page.getByTestId("form-alert")).toContainText("spend limit");

  await page.goto(`/w/${ws.slug}/usage`);
  await page.getByTestId("spend-limit").getByRole("button", { name: "Remove limit" }).click();
  await expect(page.getByTestId("spend-limit").getByRole("status")).toHaveText("Limit removed");
  expect((await api.post("/api/v1/runs", { data: ticket })).status()).toBe(202);
});

test("an owner stores the workspace's own Anthropic key: shown only by its last four, replaceable and removable", async ({
  browser,
  baseURL,
}) => {
  const ws = await createKeyedWorkspace(baseURL!, "spend-byok");
  const page = await signedInPage(browser, baseURL!, ws);
  await page.goto(`/w/${ws.slug}/settings`);
  const section = page.getByTestId("provider-key");
  await expect(section.getByTestId("provider-key-status")).toHaveText("No key stored: runs use AgentHQ's model budget.");
  await section.getByLabel("Anthropic API key").fill("short");
  await section.getByRole("button", { name: "Save key" }).click();
  await expect(section.getByText("That is too short for an Anthropic API key.")).toBeVisible();

  const secret = "sk-ant-e2e-customer-key-0000000000-AB12";
  await section.getByLabel("Anthropic API key").fill(secret);
  await section.getByRole("button", { name: "Save key" }).click();
  await expect(section.getByTestId("provider-key-status")).toContainText("…AB12");
  await expect(page.locator("body")).not.toContainText(secret);
  const stored = await ws.owner.api.get(`/api/workspaces/${ws.slug}/provider-key`);
  expect(await stored.json()).toEqual({ provider: "anthropic", last4: "AB12", updatedAt: expect.any(String) });

  await section.getByRole("button", { name: "Remove key" }).click();
  await expect(section.getByTestId("provider-key-status")).toHaveText("No key stored: runs use AgentHQ's model budget.");
});
