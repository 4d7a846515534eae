// Every dashboard page and the docs on a phone (390 px) without horizontal scrolling, with a screenshot of
// each at 390 and 1440 px; and the dashboard's shared components as a person uses them: the workspace
// menu by keyboard, a confirmation dialog that can be dismissed, usage charts over the whole period, and
// a run's input checked in the browser before anything is sent.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { apiClient, createKeyedWorkspace, type KeyedWorkspace } from "./support/keys";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

async function dashboardPage(browser: Browser, baseURL: string, ws: KeyedWorkspace, viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport, storageState: await ws.owner.api.storageState() });
  return context.newPage();
}

async function finishedRun(ws: KeyedWorkspace, baseURL: string): Promise<string> {
  const api = await apiClient(baseURL, ws.key);
  const { id } = await (await api.post("/api/v1/runs", { data: { agent: "research", input: { question: "Row-level security?" } } })).json();
  await expect.poll(async () => (await (await api.get(`/api/v1/runs/${id}`)).json()).status, { timeout: 20_000 }).toBe("succeeded");
  return id;
}

test("every dashboard page and the docs fit a 390 px screen", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const ws = await createKeyedWorkspace(baseURL!, "mobile", "pro");
  const runId = await finishedRun(ws, baseURL!);
  const api = await apiClient(baseURL!, ws.key);
  expect((await api.post("/api/v1/agents", { data: { name: "Phone agent", instructions: "Answer briefly." } })).status()).toBe(201);
  const paths = [
    "",
    "/runs",
    `/runs/${runId}`,
    "/agents",
    "/agents/new",
    "/agents/phone-agent",
    "/keys",
    "/members",
    "/usage",
    "/billing",
    "/audit-log",
    "/settings",
    "/webhooks",
  ]
    .map((p) => `/w/${ws.slug}${p}`)
    .concat(["/account", "/workspaces/new", "/docs/api", "/", "/pricing"]);
  for (const [name, viewport] of [
    ["phone", PHONE],
    ["desktop", DESKTOP],
  ] as const) {
    const page = await dashboardPage(browser, baseURL!, ws, viewport);
    for (const path of paths) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (name === "phone") expect(overflow, `${path} scrolls sideways by ${overflow}px at 390 px`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: test.info().outputPath(`${name}${path.replaceAll("/", "_") || "_home"}.png`), fullPage: true });
    }
    await page.context().close();
  }
});

test("the workspace menu works by keyboard and a revoke asks first, and can be called off", async ({ browser, baseURL }) => {
  const ws = await createKeyedWorkspace(baseURL!, "ui-parts");
  const page = await dashboardPage(browser, baseURL!, ws);
  await page.goto(`/w/${ws.slug}/keys`);
  await page.waitForLoadState("networkidle");
  const trigger = page.getByRole("button", { name: /Switch workspace/ });
  await trigger.focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu");
  await expect(menu.getByRole("menuitem", { name: /New workspace/ })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(trigger).toBeFocused();

  const row = page.getByTestId("key-test key");
  await row.getByRole("button", { name: "Revoke" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Revoke “test key”?" });
  await expect(dialog).toContainText("stop working within seconds");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect((await (await apiClient(baseURL!, ws.key)).get("/api/v1/workspace")).status(), "the key still works after Cancel").toBe(200);

  await row.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(row).toContainText("Revoked");
});

test("usage charts cover the whole period with axes and a tooltip per day", async ({ browser, baseURL }) => {
  const ws = await createKeyedWorkspace(baseURL!, "charts");
  await finishedRun(ws, baseURL!);
  const page = await dashboardPage(browser, baseURL!, ws);
  await page.goto(`/w/${ws.slug}/usage`);
  const charts = page.getByTestId("usage-chart");
  await expect(charts).toHaveCount(4);
  await expect(charts.nth(0)).toContainText("Model spend");
  await expect(charts.nth(1)).toContainText(/API calls\s*[1-9]\d* this period/);
  const now = new Date();
  const daysInMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0)).getUTCDate();
  // The x axis spans the whole month, its first day to its last; today's calls are a bar with a tooltip.
  const apiCalls = charts.nth(1);
  const ticks = apiCalls.locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value");
  await expect(ticks.first()).toHaveText("01");
  await expect(ticks.last()).toHaveText(String(daysInMonth));
  await expect(apiCalls.locator(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value").first()).toHaveText("0");
  const today = apiCalls.locator(".recharts-bar-rectangle").first();
  await today.hover();
  await expect(apiCalls.locator(".recharts-tooltip-wrapper")).toContainText(/API calls : [1-9]/);
});

test("a run's input is checked in the browser before it is sent, with the field named", async ({ browser, baseURL }) => {
  const ws = await createKeyedWorkspace(baseURL!, "precheck");
  const page = await dashboardPage(browser, baseURL!, ws);
  await page.goto(`/w/${ws.slug}/runs`);
  // Typed before hydration, the input would be reset by React: wait for the page's scripts to settle.
  await page.waitForLoadState("networkidle");
  const sent: string[] = [];
  page.on("request", (request) => request.method() === "POST" && request.url().includes("/runs") && sent.push(request.url()));
  const input = page.getByLabel("Input (JSON)");
  await input.fill('{ "topic": "RLS" }');
  await page.getByRole("button", { name: "Start run" }).click();
  const error = page.getByTestId("input-error");
  await expect(error).toHaveText("question is required; unknown field topic.");
  await expect(input).toHaveAttribute("aria-invalid", "true");
  await expect(input).toHaveAttribute("aria-describedby", (await error.getAttribute("id"))!);
  await expect(page.getByTestId("form-alert")).toHaveCount(0);
  expect(sent, "nothing was sent").toEqual([]);

  await input.fill('{ "question": "What is RLS?" }');
  await expect(error).toHaveCount(0);
  await page.getByRole("button", { name: "Start run" }).click();
  await expect(page).toHaveURL(/\/runs\/[a-z0-9]{20,}$/);
  expect(sent).toHaveLength(1);
});
