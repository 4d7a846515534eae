// Runs as customers use them: through the API with live events, and from the dashboard.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { TEST_PASSWORD } from "../tests/support/ids";
import { ownerQuery, setTier } from "../tests/support/owner-db";
import { LogInPage } from "./pages/auth-pages";
import { DashboardPage } from "./pages/dashboard-page";
import { SECOND_INSTANCE } from "./support/instances";
import { apiClient, createKeyedWorkspace } from "./support/keys";

const ticket = { agent: "support-triage", input: { ticket: "Checkout fails with an error" } };

/** Reads a run's SSE stream to its end and returns the events. */
async function readEvents(api: APIRequestContext, runId: string, lastEventId?: string) {
  const response = await api.get(`/api/v1/runs/${runId}/events`, {
    headers: lastEventId ? { "last-event-id": lastEventId } : {},
    timeout: 30_000,
  });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/event-stream");
  return (await response.text())
    .split("\n\n")
    .filter((block) => block.includes("event:"))
    .map((block) => ({
      id: /^id: (.*)$/m.exec(block)?.[1],
      event: /^event: (.*)$/m.exec(block)?.[1],
      data: JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? "null"),
    }));
}

test("a run goes queued → running → succeeded with streamed events, resumable from Last-Event-ID", async ({ baseURL }) => {
  const ws = await createKeyedWorkspace(baseURL!, "runs-api");
  const api = await apiClient(baseURL!, ws.key);
  const created = await api.post("/api/v1/runs", { data: ticket });
  expect(created.status()).toBe(202);
  const run = await created.json();
  expect(run).toEqual({ id: expect.any(String), status: "queued", agent: "support-triage", createdAt: expect.any(String) });

  const events = await readEvents(api, run.id);
  expect(events[0]).toMatchObject({ event: "status", data: { status: "queued" } });
  expect(events.map((e) => e.event)).toContain("log");
  // Each stored event says when it happened, in order and after the run was created.
  const times = events.map((e) => Date.parse((e.data as { at: string }).at));
  expect(times.every((t, i) => t >= Date.parse(run.createdAt) - 1000 && (i === 0 || t >= times[i - 1]!))).toBe(true);
  expect(events.at(-2)).toMatchObject({ event: "status", data: { status: "succeeded" } });
  expect(events.at(-1)).toMatchObject({ event: "done", data: { status: "succeeded" } });

  const resumed = await readEvents(api, run.id, events[2]!.id);
  expect(resumed.map((e) => e.id)).toEqual(events.slice(3).map((e) => e.id));
  // Any instance streams any run, whichever instance's worker ran it.
  const elsewhere = await readEvents(await apiClient(SECOND_INSTANCE, ws.key), run.id);
  expect(elsewhere.map((e) => e.id)).toEqual(events.map((e) => e.id));

  const finished = await (await api.get(`/api/v1/runs/${run.id}`)).json();
  expect(finished).toMatchObject({ id: run.id, status: "succeeded", agentSeconds: expect.any(Number), output: { provider: "offline" } });
  expect(finished.startedAt && finished.finishedAt).toBeTruthy();

  const list = await (await api.get("/api/v1/runs?status=succeeded&limit=5")).json();
  expect(list.data.map((r: { id: string }) => r.id)).toContain(run.id);
});

test("the same idempotency key returns the same run (200); bad agents and inputs are 400", async ({ baseURL }) => {
  const ws = await createKeyedWorkspace(baseURL!, "runs-idem", "pro");
  const api = await apiClient(baseURL!, ws.key);
  const first = await api.post("/api/v1/runs", { data: { ...ticket, idempotencyKey: "order-42" } });
  const again = await api.post("/api/v1/runs", { data: { ...ticket, idempotencyKey: "order-42" } });
  expect([first.status(), again.status()]).toEqual([202, 200]);
  expect((await again.json()).id).toBe((await first.json()).id);

  const unknown = await api.post("/api/v1/runs", { data: { agent: "astrologer", input: {} } });
  expect(unknown.status()).toBe(400);
  expect((await unknown.json()).errors).toEqual([{ path: "agent", message: "Unknown agent." }]);
  expect((await api.post("/api/v1/runs", { data: { agent: "research", input: { question: 7 } } })).status()).toBe(400);
  expect((await api.post("/api/v1/runs", { headers: { "content-type": "application/json" }, data: "{oops" })).status()).toBe(400);
  expect((await api.get("/api/v1/runs?limit=1000")).status()).toBe(400);
  expect((await api.get("/api/v1/runs/not-a-run")).status()).toBe(404);
});

test("a running run can be canceled; another workspace's run is a 404", async ({ baseURL }) => {
  const [ws, other] = [await createKeyedWorkspace(baseURL!, "runs-cancel", "pro"), await createKeyedWorkspace(baseURL!, "runs-other")];
  const api = await apiClient(baseURL!, ws.key);
  const run = await (await api.post("/api/v1/runs", { data: { agent: "research", input: { question: "Why is the sky blue?" } } })).json();
  await expect.poll(async () => (await (await api.get(`/api/v1/runs/${run.id}`)).json()).status, { timeout: 10_000 }).toBe("running");
  expect((await api.post(`/api/v1/runs/${run.id}/cancel`)).status()).toBe(200);
  await expect.poll(async () => (await (await api.get(`/api/v1/runs/${run.id}`)).json()).status, { timeout: 5_000 }).toBe("canceled");

  const outsider = await apiClient(baseURL!, other.key);
  for (const response of [
    await outsider.get(`/api/v1/runs/${run.id}`),
    await outsider.post(`/api/v1/runs/${run.id}/cancel`),
    await outsider.get(`/api/v1/runs/${run.id}/events`),
  ]) {
    expect(response.status()).toBe(404);
  }
});

test("50 concurrent run requests against a quota that fits 7 accept exactly 7", async ({ baseURL }) => {
  const ws = await createKeyedWorkspace(baseURL!, "runs-edge", "pro");
  // Pro may use 2,000,000 API calls this period (2× the included quota); leave room for exactly 7.
  await ownerQuery(
    `INSERT INTO "UsageCounter" (id, "workspaceId", metric, "periodStart", used) VALUES (gen_random_uuid()::text, $1, 'api_calls', date_trunc('month', now() AT TIME ZONE 'UTC'), 3999993)`,
    [ws.id],
  );
  const api = await apiClient(baseURL!, ws.key);
  const statuses = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      api.post("/api/v1/runs", { data: { ...ticket, idempotencyKey: `edge-${i}` } }).then((r) => r.status()),
    ),
  );
  expect(statuses.filter((s) => s === 202)).toHaveLength(7);
  expect(statuses.filter((s) => ![202, 423, 429].includes(s))).toEqual([]);
  const [{ n }] = (await ownerQuery(`SELECT count(*)::int AS n FROM "Run" WHERE "workspaceId" = $1`, [ws.id])).rows;
  expect(n).toBe(7);
});

test("a user starts a run in the dashboard, watches it stream to completion, and sees usage rise", async ({ page, baseURL }) => {
  const ws = await createKeyedWorkspace(baseURL!, "runs-ui");
  await setTier(ws.slug, "starter");
  await new LogInPage(page).open();
  await new LogInPage(page).logIn(ws.owner.email, TEST_PASSWORD);
  const dashboard = new DashboardPage(page);
  await expect(page).toHaveURL(new RegExp(`/w/${ws.slug}$`));

  await dashboard.openSection("Usage");
  await expect(page.getByTestId("usage-Agent-minutes")).toContainText("0 of 1,000 minutes");

  await dashboard.openSection("Runs");
  await page.getByLabel("Agent").selectOption("data-analyst");
  await page.getByRole("button", { name: "Start run" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${ws.slug}/runs/[a-z0-9]+$`));
  await expect(page.getByTestId("run-log")).toContainText("Turn 1: asking the model");
  await expect(page.getByTestId("run-status")).toHaveText("succeeded", { timeout: 15_000 });
  await expect(page.getByTestId("run-output")).toContainText("Offline demo");
  await expect(page.getByTestId("run-output")).toContainText('"rows":3');

  await dashboard.openSection("Usage");
  await expect(page.getByTestId("usage-Agent-minutes")).not.toContainText("0 of 1,000 minutes");
  await expect(page.getByRole("table").first()).toContainText("data-analyst");
});

test("a finished run's stream opened with a far-future Last-Event-ID ends at once with done", async ({ baseURL }) => {
  const ws = await createKeyedWorkspace(baseURL!, "runs-past-end");
  const api = await apiClient(baseURL!, ws.key);
  const run = await (await api.post("/api/v1/runs", { data: ticket })).json();
  const done = (await readEvents(api, run.id)).at(-1)!;
  expect(done).toMatchObject({ event: "done", data: { status: "succeeded" } });

  // Nothing is replayed, but the stream ends with the run's done (its own id): no client waits forever.
  const started = Date.now();
  expect(await readEvents(api, run.id, "999999999999999999")).toEqual([
    { id: done.id, event: "done", data: { status: "succeeded", at: done.data.at } },
  ]);
  expect(await readEvents(api, run.id, done.id)).toEqual([done]);
  expect(Date.now() - started).toBeLessThan(5_000);
});
