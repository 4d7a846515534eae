// Customers' own agents as developers and dashboard users meet them: versioned over the API, isolated
// per workspace, hostile definitions refused; and in the browser, an agent with an HTTP tool made in the
// editor and run in the playground, with the tool call in its trace.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { apiClient, createKey, createKeyedWorkspace } from "./support/keys";

const definition = {
  name: "Order helper",
  instructions: "Version one.",
  inputSchema: {
    type: "object",
    properties: { question: { type: "string", minLength: 1 } },
    required: ["question"],
    additionalProperties: false,
  },
};

async function finished(api: APIRequestContext, id: string) {
  await expect.poll(async () => (await (await api.get(`/api/v1/runs/${id}`)).json()).status, { timeout: 20_000 }).toBe("succeeded");
  return (await api.get(`/api/v1/runs/${id}`)).json();
}

test("an agent is created, edited twice and run at version 1 and at its latest, over the API", async ({ baseURL }) => {
  const ws = await createKeyedWorkspace(baseURL!, "agents-api", "pro");
  const api = await apiClient(baseURL!, ws.key);
  const created = await api.post("/api/v1/agents", { data: definition });
  expect(created.status()).toBe(201);
  expect(await created.json()).toMatchObject({ id: "order-helper", version: 1, builtIn: false, inputSchema: definition.inputSchema });
  for (const [instructions, version] of [
    ["Version two.", 2],
    ["Version three.", 3],
  ] as const) {
    const patched = await api.patch("/api/v1/agents/order-helper", { data: { instructions } });
    expect(patched.status()).toBe(200);
    expect((await patched.json()).version).toBe(version);
  }
  const versions = await (await api.get("/api/v1/agents/order-helper/versions")).json();
  expect(versions.data.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
  const listed = await (await api.get("/api/v1/agents")).json();
  expect(listed.data.map((a: { id: string }) => a.id)).toEqual([
    "research",
    "code-review",
    "writer",
    "data-analyst",
    "support-triage",
    "order-helper",
  ]);
  expect(listed.data.every((a: { inputSchema?: { type: string } }) => a.inputSchema?.type === "object")).toBe(true);

  const pinned = await (await api.post("/api/v1/runs", { data: { agent: "order-helper@1", input: { question: "Where is 42?" } } })).json();
  expect(pinned).toMatchObject({ status: "queued", agent: "order-helper", agentVersion: 1 });
  const latest = await (await api.post("/api/v1/runs", { data: { agent: "order-helper", input: { question: "Where is 42?" } } })).json();
  expect(latest.agentVersion).toBe(3);
  expect((await finished(api, pinned.id)).output.text).toContain("Version one.");
  expect((await finished(api, latest.id)).output.text).toContain("Version three.");

  const badInput = await api.post("/api/v1/runs", { data: { agent: "order-helper", input: { topic: "x" } } });
  expect(badInput.status()).toBe(400);
  expect((await badInput.json()).errors).toEqual(expect.arrayContaining([{ path: "input.question", message: "Required." }]));
});

test("another workspace's agents answer 404; hostile definitions and ids get a clear 4xx and change nothing", async ({ baseURL }) => {
  const a = await createKeyedWorkspace(baseURL!, "agents-a");
  const b = await createKeyedWorkspace(baseURL!, "agents-b");
  const apiA = await apiClient(baseURL!, a.key);
  const apiB = await apiClient(baseURL!, b.key);
  expect((await apiA.post("/api/v1/agents", { data: { ...definition, id: "secret-agent" } })).status()).toBe(201);

  for (const response of [
    await apiB.get("/api/v1/agents/secret-agent"),
    await apiB.get("/api/v1/agents/secret-agent/versions"),
    await apiB.patch("/api/v1/agents/secret-agent", { data: { instructions: "mine now" } }),
    await apiB.delete("/api/v1/agents/secret-agent"),
  ]) {
    expect(response.status()).toBe(404);
    expect(await response.text()).not.toContain(a.slug);
  }
  expect((await apiB.post("/api/v1/runs", { data: { agent: "secret-agent", input: { question: "x" } } })).status()).toBe(400);
  expect((await (await apiA.get("/api/v1/agents/secret-agent")).json()).version).toBe(1);

  const hostile: unknown[] = [
    { ...definition, inputSchema: { type: "object", properties: { a: { type: "string", pattern: "^(a+)+$" } } } },
    { ...definition, inputSchema: { type: "object", $ref: "http://169.254.169.254/" } },
    {
      ...definition,
      tools: [
        { type: "http", name: "meta", description: "x", inputSchema: { type: "object" }, url: "http://169.254.169.254/latest/meta-data/" },
      ],
    },
    {
      ...definition,
      tools: [{ type: "http", name: "file", description: "x", inputSchema: { type: "object" }, url: "file:///etc/passwd" }],
    },
    {
      ...definition,
      tools: [
        {
          type: "http",
          name: "x",
          description: "x",
          inputSchema: { type: "object" },
          url: "https://example.com",
          headers: { Host: "evil" },
        },
      ],
    },
    { ...definition, name: "x".repeat(81) },
    { ...definition, unknown: true },
    ["not an object"],
  ];
  for (const body of hostile) {
    const response = await apiA.post("/api/v1/agents", { data: body });
    expect(response.status(), JSON.stringify(body).slice(0, 80)).toBe(400);
    expect((await response.json()).code).toBe("invalid_request");
  }
  for (const id of ["%00", "x".repeat(10_000), "..%2F..%2Fkeys", "%E2%80%AE", "secret-agent%00"]) {
    const response = await apiA.get(`/api/v1/agents/${id}`);
    expect([400, 404], id.slice(0, 20)).toContain(response.status());
    expect((await apiA.patch(`/api/v1/agents/${id}`, { data: { instructions: "x" } })).status()).toBeLessThan(500);
  }
  expect((await (await apiA.get("/api/v1/agents")).json()).data).toHaveLength(6);

  // A key without agents:write reads agents but cannot write them.
  const readOnly = await createKey(a.owner, a.slug, { scopes: ["runs:read"] });
  const reader = await apiClient(baseURL!, readOnly.key);
  expect((await reader.get("/api/v1/agents/secret-agent")).status()).toBe(200);
  expect((await reader.post("/api/v1/agents", { data: { ...definition, name: "Other" } })).status()).toBe(403);
  expect((await reader.delete("/api/v1/agents/secret-agent")).status()).toBe(403);
});

test("a user makes an agent with an HTTP tool in the editor, runs it in the playground and sees the tool call in the trace", async ({
  browser,
  baseURL,
}) => {
  const calls: { body: string; signature?: string }[] = [];
  const tool = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      calls.push({ body: Buffer.concat(chunks).toString("utf8"), signature: req.headers["webhook-signature"] as string | undefined });
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ weather: "sunny", city: "Oslo" }));
    });
  });
  await new Promise<void>((resolve) => tool.listen(0, "127.0.0.1", resolve));
  try {
    const toolUrl = `http://127.0.0.1:${(tool.address() as AddressInfo).port}/weather`;
    const ws = await createKeyedWorkspace(baseURL!, "agent-editor");
    const context = await browser.newContext({ baseURL, storageState: await ws.owner.api.storageState() });
    const page = await context.newPage();
    await page.goto(`/w/${ws.slug}/agents`);
    await page.getByRole("link", { name: "New agent" }).click();
    await page.getByLabel("Name", { exact: true }).fill("Weather bot");
    await page.getByLabel("Instructions").fill("Look up the weather with get_weather, then answer.");
    await page.getByRole("button", { name: "Add HTTP tool" }).click();
    const card = page.getByTestId("tool-0");
    await card.getByLabel("Tool name").fill("get_weather");
    await card.getByLabel("URL").fill(toolUrl);
    await card.getByLabel("Description (for the model)").fill("The weather in a city.");
    await page.getByRole("button", { name: "Create agent" }).click();
    await expect(page).toHaveURL(new RegExp(`/w/${ws.slug}/agents/weather-bot$`));
    await expect(page.getByRole("heading", { name: "Weather bot" })).toBeVisible();

    await page.getByLabel("Input (JSON)").fill(JSON.stringify({ prompt: "Weather in Oslo?" }));
    await page.getByRole("button", { name: "Run in playground" }).click();
    const run = page.getByTestId("playground-run");
    await expect(run.getByTestId("run-output")).toContainText("Tool findings", { timeout: 20_000 });
    const toolCalls = run.getByTestId("run-tool-calls");
    await expect(toolCalls).toContainText("get_weather");
    await expect(toolCalls).toContainText("ok");
    await toolCalls.getByText("Result").click();
    await expect(toolCalls).toContainText("sunny");
    expect(calls).toHaveLength(1);
    expect(calls[0]!.signature).toMatch(/^v1,/);
    await page.screenshot({ path: test.info().outputPath("agent-playground.png"), fullPage: true });

    // The editor saves a change as version 2.
    await page.getByLabel("Description", { exact: true }).fill("Says what the weather is.");
    await page.getByRole("button", { name: "Save as a new version" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved as version 2." })).toBeVisible();
    await expect(page.getByTestId("agent-versions").getByRole("row")).toHaveCount(3);
    await context.close();
  } finally {
    tool.close();
  }
});
