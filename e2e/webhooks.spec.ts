// Webhooks as a customer meets them: an endpoint registered over the API receives run.succeeded,
// signed to the Standard Webhooks spec (verified here with the standardwebhooks package); the dashboard
// lists the delivery with its status, response code and latency, and sends a test event.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { apiClient, createKeyedWorkspace } from "./support/keys";

test("a run's end reaches a registered endpoint, signed; the dashboard shows the delivery and sends a test", async ({
  browser,
  baseURL,
}) => {
  const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  try {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    const ws = await createKeyedWorkspace(baseURL!, "webhooks");
    const api = await apiClient(baseURL!, ws.key);
    const created = await api.post("/api/v1/webhooks", { data: { url, events: ["run.succeeded", "run.failed"] } });
    expect(created.status()).toBe(201);
    const endpoint = await created.json();
    expect(endpoint.secret).toMatch(/^whsec_/);
    expect(JSON.stringify(await (await api.get("/api/v1/webhooks")).json())).not.toContain(endpoint.secret);
    expect((await api.post("/api/v1/webhooks", { data: { url: "http://169.254.169.254/latest", events: ["run.failed"] } })).status()).toBe(
      400,
    );

    const { id: runId } = await (
      await api.post("/api/v1/runs", { data: { agent: "support-triage", input: { ticket: "Checkout fails" } } })
    ).json();
    await expect.poll(() => received.length, { timeout: 20_000 }).toBeGreaterThan(0);
    const event = new Webhook(endpoint.secret).verify(received[0]!.body, received[0]!.headers as Record<string, string>) as {
      type: string;
      data: { id: string; status: string };
    };
    expect(event).toMatchObject({ type: "run.succeeded", data: { id: runId, status: "succeeded" } });
    expect(received[0]!.headers["webhook-id"]).toMatch(/^msg_/);

    const deliveries = await (await api.get(`/api/v1/webhooks/${endpoint.id}/deliveries`)).json();
    expect(deliveries.data[0]).toMatchObject({ eventType: "run.succeeded", status: "delivered", lastStatusCode: 204, attempts: 1 });

    const context = await browser.newContext({ baseURL, storageState: await ws.owner.api.storageState() });
    const page = await context.newPage();
    await page.goto(`/w/${ws.slug}/webhooks`);
    const row = page.getByTestId("webhook-deliveries").getByRole("row").nth(1);
    await expect(row).toContainText("run.succeeded");
    await expect(row).toContainText("delivered");
    await expect(row).toContainText("204");
    await page.getByRole("button", { name: "Send test event" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Test event queued." })).toBeVisible();
    await expect.poll(() => received.some((r) => r.body.includes("webhook.test")), { timeout: 20_000 }).toBe(true);
    await context.close();
  } finally {
    receiver.close();
  }
});
