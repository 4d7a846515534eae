// Outbound webhooks on the real database, queue and egress guard, against local receivers that verify
// every delivery with the `standardwebhooks` library as a customer's endpoint would: each event once,
// the same webhook-id on every retry while the receiver is down, a delivery whose worker died picked up
// by the sweep, a wrong secret failing verification, both secrets verifying during a rotation, an
// endpoint disabled (and its owner emailed) after a day of failures; plus isolation, hostile URLs and
// roles, through the v1 and dashboard routes. Receivers live on 127.0.0.1, so private networks are
// allowed, as a self-hoster would.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/get-session-user";
import type { WebhookEventType } from "@/lib/webhooks/webhook-schemas";
import { ownerDb } from "../support/owner-db";
import { startSmtpStandIn } from "../support/smtp-stand-in";

const session = vi.hoisted(() => {
  process.env.ALLOW_PRIVATE_NETWORKS = "1";
  return { user: null as SessionUser | null };
});
vi.mock("@/lib/auth/get-session-user", () => ({ getSessionUser: async () => session.user }));

// The environment is parsed once, on first import: SMTP_URL is set before anything reads it.
const smtp = await startSmtpStandIn();
process.env.SMTP_URL = smtp.url;
const { OfflineProvider } = await import("@/lib/agents/providers/offline-provider");
const { createApiKey } = await import("@/lib/api-keys/manage-keys");
const { inWorkspace } = await import("@/lib/db/tenant");
const { runQueue, WEBHOOK_QUEUE } = await import("@/lib/queue/run-queue");
const { cancelRun } = await import("@/lib/runs/cancel-run");
const { createRun } = await import("@/lib/runs/create-run");
const { executeRun } = await import("@/lib/runs/execute-run");
const { newSigningSecret } = await import("@/lib/tools/tool-signature");
const { pauseForQuota } = await import("@/lib/usage/pause-workspace");
const { checkUsageAlerts } = await import("@/lib/usage/usage-alerts");
const { changeTier } = await import("@/lib/workspaces/change-tier");
const { attemptDelivery, MAX_ATTEMPTS, RETRY_DELAYS_SECONDS } = await import("@/lib/webhooks/deliver-webhook");
const { emitWebhookEvent } = await import("@/lib/webhooks/emit-webhook-event");
const { listDeliveries, resendDelivery, sendTestEvent } = await import("@/lib/webhooks/webhook-deliveries");
const endpoints = await import("@/lib/webhooks/webhook-endpoints");
const { sweepOverdueDeliveries } = await import("@/lib/webhooks/webhook-sweep");
const { startWebhookWorker } = await import("@/lib/webhooks/webhook-worker");
const v1Webhooks = await import("@/app/api/v1/webhooks/route");
const v1Webhook = await import("@/app/api/v1/webhooks/[id]/route");
const v1Deliveries = await import("@/app/api/v1/webhooks/[id]/deliveries/route");
const v1Rotate = await import("@/app/api/v1/webhooks/[id]/rotate-secret/route");
const sessionWebhooks = await import("@/app/api/workspaces/[slug]/webhooks/route");
const sessionTest = await import("@/app/api/workspaces/[slug]/webhooks/[id]/test/route");
const sessionResend = await import("@/app/api/workspaces/[slug]/webhooks/deliveries/[deliveryId]/resend/route");
const { createTeam } = await import("../support/workspace-fixture");
type Team = Awaited<ReturnType<typeof createTeam>>;

// ---- receivers ----

interface Received {
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** A receiver answering each path with its statuses in turn (the last one repeated; 200 by default). */
async function startReceiver(port = 0) {
  const received: Received[] = [];
  const answers = new Map<string, number[]>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "/";
      received.push({ path, headers: req.headers as Record<string, string>, body: Buffer.concat(chunks).toString("utf8") });
      const statuses = answers.get(path) ?? [200];
      const status = statuses.length > 1 ? statuses.shift()! : statuses[0]!;
      res.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : "down for maintenance");
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    answer: (path: string, statuses: number[]) => answers.set(path, [...statuses]),
    at: (path: string) => received.filter((r) => r.path === path),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const receiver = await startReceiver();
afterAll(async () => {
  await receiver.close();
  await smtp.close();
});

const verify = (secret: string, message: Received) => new Webhook(secret).verify(message.body, message.headers);

// ---- helpers ----

const params = <P>(p: P) => ({ params: Promise.resolve(p) });
const none = params({} as Record<string, never>);
const asCustomer = (key: string, body?: unknown) => ({
  method: body === undefined ? "GET" : "POST",
  headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
  ...(body !== undefined && { body: JSON.stringify(body) }),
});

async function endpointFor(team: Team, path: string, events: WebhookEventType[] = ["run.succeeded", "run.failed"]) {
  return endpoints.createWebhookEndpoint(team.as("owner"), { url: `${receiver.url}${path}`, events });
}

async function emit(workspaceId: string, type: WebhookEventType, data: Record<string, string>) {
  await inWorkspace(workspaceId, (tx) => emitWebhookEvent(tx, workspaceId, type, data));
}

const deliveriesOf = (endpointId: string) => ownerDb().webhookDelivery.findMany({ where: { endpointId }, orderBy: { createdAt: "asc" } });

/** Makes the delivery due (as if its retry delay had passed) and attempts it, as its job would. */
async function attemptNow(delivery: { id: string; workspaceId: string }) {
  await ownerDb().webhookDelivery.update({ where: { id: delivery.id }, data: { nextAttemptAt: new Date(Date.now() - 1_000) } });
  await attemptDelivery({ deliveryId: delivery.id, workspaceId: delivery.workspaceId });
}

async function waitFor(check: () => boolean, timeoutMs = 15_000) {
  for (const deadline = Date.now() + timeoutMs; !check() && Date.now() < deadline;) await new Promise((r) => setTimeout(r, 100));
}

// ---- delivery ----

describe("delivering events", () => {
  it("delivers each subscribed event once, signed, through the queue: runs, usage alerts, pause and resume", async () => {
    const team = await createTeam("pro");
    const path = "/hooks/every-event";
    const { id, secret } = await endpointFor(team, path, [
      "run.succeeded",
      "run.canceled",
      "usage.alert",
      "workspace.paused",
      "workspace.resumed",
    ]);
    const creator = { ctx: team.as("owner"), workspace: { id: team.workspaceId, tier: "pro" as const, status: "active" as const } };

    const { run: succeeded } = await createRun(creator.ctx, creator.workspace, {
      agent: "research",
      input: { question: "What is a webhook?" },
    });
    await executeRun({ runId: succeeded.id, workspaceId: team.workspaceId }, new OfflineProvider(0, "claude-sonnet-4-6"));
    const { run: canceled } = await createRun(creator.ctx, creator.workspace, { agent: "research", input: { question: "Never mind." } });
    await cancelRun(creator.ctx, canceled.id);
    await checkUsageAlerts({ id: team.workspaceId, tier: "pro" }, "api_calls", 10_000_000); // 80% and 100%
    await pauseForQuota(team.workspaceId, "agent_seconds");
    await changeTier(team.workspaceId, "enterprise", { actorId: null, source: "test" }); // a rise lifts the pause
    await emit(team.workspaceId, "run.failed", { id: "not subscribed" });

    const boss = await runQueue({ supervise: true });
    const stopSweep = await startWebhookWorker(boss);
    try {
      await waitFor(() => receiver.at(path).length >= 6);
      await new Promise((r) => setTimeout(r, 1_500)); // time for a duplicate to arrive, if one were coming
    } finally {
      stopSweep();
      await boss.offWork(WEBHOOK_QUEUE);
    }

    const messages = receiver.at(path).map((m) => ({
      id: m.headers["webhook-id"],
      body: verify(secret, m) as { type: string; timestamp: string; data: Record<string, unknown> },
    }));
    expect(messages.map((m) => m.body.type).sort()).toEqual([
      "run.canceled",
      "run.succeeded",
      "usage.alert",
      "usage.alert",
      "workspace.paused",
      "workspace.resumed",
    ]);
    expect(new Set(messages.map((m) => m.id)).size).toBe(6);
    const run = messages.find((m) => m.body.type === "run.succeeded")!;
    expect(run.id).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(run.body.data).toMatchObject({
      id: succeeded.id,
      agent: "research",
      status: "succeeded",
      finishedAt: expect.any(String),
      usage: { billedTo: "platform" },
    });
    expect(new Date(run.body.timestamp).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(messages.find((m) => m.body.type === "run.canceled")!.body.data).toMatchObject({ id: canceled.id, status: "canceled" });
    expect(
      messages
        .filter((m) => m.body.type === "usage.alert")
        .map((m) => Number(m.body.data.threshold))
        .sort((x, y) => x - y),
    ).toEqual([80, 100]);
    expect(messages.find((m) => m.body.type === "workspace.paused")!.body.data).toEqual({ reason: "quota", metric: "agent_seconds" });
    expect(messages.find((m) => m.body.type === "workspace.resumed")!.body.data).toEqual({ reason: "tier_raised" });

    const rows = await deliveriesOf(id);
    expect(rows.map((r) => [r.status, r.attempts, r.lastStatusCode])).toEqual(Array(6).fill(["delivered", 1, 200]));
    expect(rows.every((r) => r.lastLatencyMs !== null && r.deliveredAt !== null)).toBe(true);
  });

  it("retries a receiver that is down, with backoff, and delivers with the same webhook-id once it is up", async () => {
    const team = await createTeam();
    const port = await new Promise<number>((resolve) => {
      const probe = http.createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const path = "/hooks/down-then-up";
    const { id, secret } = await endpoints.createWebhookEndpoint(team.as("admin"), {
      url: `http://127.0.0.1:${port}${path}`,
      events: ["run.failed"],
    });
    await emit(team.workspaceId, "run.failed", { id: "run_1" });
    const [delivery] = await deliveriesOf(id);

    // Nothing listens yet: the connection is refused, and the next attempt waits 30 s, then 2 min.
    for (const attempt of [1, 2]) {
      const before = Date.now();
      await attemptNow(delivery!);
      const row = (await deliveriesOf(id))[0]!;
      expect(row).toMatchObject({ status: "pending", attempts: attempt, lastError: "Could not reach the endpoint (ECONNREFUSED)." });
      const delay = RETRY_DELAYS_SECONDS[attempt - 1]! * 1000;
      expect(row.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + delay);
      expect(row.nextAttemptAt.getTime()).toBeLessThan(Date.now() + delay + 1_000);
    }
    // The retry is a queue job that starts when it is due.
    const [job] = await ownerDb().$queryRawUnsafe<{ startAfter: Date }[]>(
      `SELECT start_after AS "startAfter" FROM pgboss.job WHERE name = $1 AND data->>'deliveryId' = $2 ORDER BY created_on DESC LIMIT 1`,
      WEBHOOK_QUEUE,
      delivery!.id,
    );
    expect(Math.abs(job!.startAfter.getTime() - (await deliveriesOf(id))[0]!.nextAttemptAt.getTime())).toBeLessThan(1_000);

    // Up, but answering 503 once, then 200.
    const up = await startReceiver(port);
    try {
      up.answer(path, [503, 200]);
      await attemptNow(delivery!);
      expect((await deliveriesOf(id))[0]).toMatchObject({
        status: "pending",
        attempts: 3,
        lastStatusCode: 503,
        lastError: "HTTP 503: down for maintenance",
      });
      await attemptNow(delivery!);
      const messages = up.at(path);
      expect(messages).toHaveLength(2);
      expect(messages.map((m) => m.headers["webhook-id"])).toEqual([delivery!.eventId, delivery!.eventId]);
      for (const message of messages) expect(verify(secret, message)).toMatchObject({ type: "run.failed", data: { id: "run_1" } });
      expect(messages[0]!.body).toBe(messages[1]!.body);
      expect((await deliveriesOf(id))[0]).toMatchObject({ status: "delivered", attempts: 4, lastStatusCode: 200, lastError: null });
      expect(await ownerDb().webhookEndpoint.findUniqueOrThrow({ where: { id } })).toMatchObject({
        consecutiveFailures: 0,
        disabledAt: null,
      });

      // A job for the delivered delivery, arriving late, does nothing.
      await attemptNow(delivery!);
      expect(up.at(path)).toHaveLength(2);
    } finally {
      await up.close();
    }
  });

  it("delivers what a worker died in the middle of: the sweep takes it once the attempt's lease runs out", async () => {
    const team = await createTeam();
    const path = "/hooks/worker-died";
    const { id, secret } = await endpointFor(team, path);
    await emit(team.workspaceId, "run.succeeded", { id: "run_2" });
    const [delivery] = await deliveriesOf(id);
    // What a worker that claimed the delivery and died leaves: one attempt counted, its lease running, its job gone.
    await ownerDb().webhookDelivery.update({
      where: { id: delivery!.id },
      data: { attempts: 1, nextAttemptAt: new Date(Date.now() + 60_000) },
    });
    await ownerDb().$executeRawUnsafe(`DELETE FROM pgboss.job WHERE name = $1 AND data->>'deliveryId' = $2`, WEBHOOK_QUEUE, delivery!.id);

    await sweepOverdueDeliveries();
    expect(receiver.at(path)).toHaveLength(0); // still leased: the worker might yet finish

    await ownerDb().webhookDelivery.update({ where: { id: delivery!.id }, data: { nextAttemptAt: new Date(Date.now() - 5 * 60_000) } });
    expect(await sweepOverdueDeliveries()).toBeGreaterThanOrEqual(1);
    const [message] = receiver.at(path);
    expect(message!.headers["webhook-id"]).toBe(delivery!.eventId);
    expect(verify(secret, message!)).toMatchObject({ type: "run.succeeded", data: { id: "run_2" } });
    expect((await deliveriesOf(id))[0]).toMatchObject({ status: "delivered", attempts: 2 });
  });

  it("is refused by a receiver holding the wrong secret, or given an altered body", async () => {
    const team = await createTeam();
    const path = "/hooks/wrong-secret";
    const { id, secret } = await endpointFor(team, path);
    await emit(team.workspaceId, "run.succeeded", { id: "run_3" });
    await attemptNow((await deliveriesOf(id))[0]!);
    const [message] = receiver.at(path);
    expect(() => verify(newSigningSecret(), message!)).toThrow(/No matching signature/);
    expect(() => verify(secret, { ...message!, body: message!.body.replace("run_3", "run_4") })).toThrow(/No matching signature/);
    expect(verify(secret, message!)).toMatchObject({ data: { id: "run_3" } });
  });

  it("signs with the old and the new secret during a rotation's overlap, then with the new one only", async () => {
    const team = await createTeam();
    const path = "/hooks/rotation";
    const { id, secret: old } = await endpointFor(team, path);
    const rotated = await endpoints.rotateWebhookSecret(team.as("owner"), id);
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(old);
    expect(new Date(rotated.previousSecretExpiresAt).getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);

    const test = await sendTestEvent(team.as("admin"), id);
    expect(test).toMatchObject({ eventType: "webhook.test", status: "pending" });
    await attemptNow({ id: test.id, workspaceId: team.workspaceId });
    const [during] = receiver.at(path);
    expect(during!.headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect(verify(old, during!)).toMatchObject({ type: "webhook.test", data: { endpointId: id } });
    expect(verify(rotated.secret, during!)).toMatchObject({ type: "webhook.test" });

    // The overlap is over: the previous secret is dropped, and only the new one verifies.
    await ownerDb().secret.update({
      where: { workspaceId_name: { workspaceId: team.workspaceId, name: `webhook.${id}.previous` } },
      data: { updatedAt: new Date(Date.now() - 25 * 3600_000) },
    });
    const resent = await resendDelivery(team.as("owner"), test.id);
    expect(resent).toMatchObject({ id: test.id, eventId: test.eventId, status: "pending", attempts: 0 });
    await attemptDelivery({ deliveryId: test.id, workspaceId: team.workspaceId });
    const after = receiver.at(path)[1]!;
    expect(after.headers["webhook-id"]).toBe(test.eventId);
    expect(() => verify(old, after)).toThrow(/No matching signature/);
    expect(verify(rotated.secret, after)).toMatchObject({ type: "webhook.test" });
    expect(await ownerDb().secret.count({ where: { workspaceId: team.workspaceId, name: { startsWith: `webhook.${id}` } } })).toBe(1);
  });

  it(`disables an endpoint that failed all ${MAX_ATTEMPTS} attempts, emails the owner once, and sends it nothing more`, async () => {
    const team = await createTeam();
    const path = "/hooks/always-down";
    receiver.answer(path, [500]);
    const { id } = await endpointFor(team, path);
    await emit(team.workspaceId, "run.failed", { id: "run_5" });
    await emit(team.workspaceId, "run.failed", { id: "run_6" });
    const [first, second] = await deliveriesOf(id);
    for (let i = 0; i < MAX_ATTEMPTS - 1; i++) {
      await attemptNow(first!);
      await attemptNow(second!);
    }
    await attemptNow(first!); // its last attempt
    expect((await deliveriesOf(id))[0]).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, lastStatusCode: 500 });
    const endpoint = await ownerDb().webhookEndpoint.findUniqueOrThrow({ where: { id } });
    expect(endpoint.disabledAt).not.toBeNull();
    expect(endpoint.disabledReason).toMatch(/failed for about a day.*HTTP 500/);
    expect(await ownerDb().auditLog.count({ where: { workspaceId: team.workspaceId, action: "webhook.disabled", target: id } })).toBe(1);

    // The other delivery is not sent to a disabled endpoint: it fails without a request, and no second mail.
    const requests = receiver.at(path).length;
    await attemptNow(second!);
    expect(receiver.at(path)).toHaveLength(requests);
    expect((await deliveriesOf(id))[1]).toMatchObject({ status: "failed", lastError: "The endpoint is disabled." });
    const mails = smtp.messagesFor(team.users.owner.email).filter((m) => /webhook endpoint .* was disabled/.test(m.subject));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain("127[.]0[.]0[.]1");
    expect(smtp.messagesFor(team.users.admin.email).filter((m) => /webhook/.test(m.subject))).toHaveLength(0);

    await emit(team.workspaceId, "run.failed", { id: "run_7" });
    expect(await deliveriesOf(id)).toHaveLength(2);
    await expect(sendTestEvent(team.as("owner"), id)).rejects.toMatchObject({ code: "conflict" });
    await expect(resendDelivery(team.as("owner"), first!.id)).rejects.toMatchObject({ code: "conflict" });

    // Enabled again, it receives events and resends.
    receiver.answer(path, [200]);
    expect(await endpoints.enableWebhookEndpoint(team.as("admin"), id)).not.toHaveProperty("disabledAt");
    await resendDelivery(team.as("owner"), first!.id);
    await attemptDelivery({ deliveryId: first!.id, workspaceId: team.workspaceId });
    expect((await deliveriesOf(id))[0]).toMatchObject({ status: "delivered", attempts: 1 });
  });
});

// ---- the API ----

describe("managing endpoints", () => {
  it("registers an endpoint over the API with its secret shown once, lists it without, rotates and deletes it", async () => {
    const team = await createTeam();
    const { key } = await createApiKey(team.as("owner"), { name: "hooks" });
    const created = await v1Webhooks.POST(
      new Request(
        "http://test/api/v1/webhooks",
        asCustomer(key, { url: `${receiver.url}/hooks/api`, events: ["run.succeeded", "run.succeeded", "usage.alert"] }),
      ),
      none,
    );
    expect(created.status).toBe(201);
    expect(created.headers.get("cache-control")).toBe("no-store");
    const body = await created.json();
    expect(body).toEqual({
      id: expect.any(String),
      url: `${receiver.url}/hooks/api`,
      events: ["run.succeeded", "usage.alert"],
      secret: expect.stringMatching(/^whsec_/),
      createdAt: expect.any(String),
    });

    const listed = await (await v1Webhooks.GET(new Request("http://test/api/v1/webhooks", asCustomer(key)), none)).json();
    expect(listed).toEqual({ data: [{ id: body.id, url: body.url, events: body.events, createdAt: body.createdAt }] });
    expect(JSON.stringify(listed)).not.toContain("whsec_");

    await emit(team.workspaceId, "usage.alert", { metric: "api_calls" });
    const deliveries = await (
      await v1Deliveries.GET(new Request(`http://test/api/v1/webhooks/${body.id}/deliveries`, asCustomer(key)), params({ id: body.id }))
    ).json();
    expect(deliveries.data).toMatchObject([
      {
        endpointId: body.id,
        eventType: "usage.alert",
        eventId: expect.stringMatching(/^msg_/),
        status: "pending",
        attempts: 0,
        data: { metric: "api_calls" },
      },
    ]);

    const rotated = await v1Rotate.POST(
      new Request(`http://test/api/v1/webhooks/${body.id}/rotate-secret`, asCustomer(key, {})),
      params({ id: body.id }),
    );
    expect(rotated.status).toBe(200);
    expect((await rotated.json()).secret).not.toBe(body.secret);

    const remove = () =>
      v1Webhook.DELETE(
        new Request(`http://test/api/v1/webhooks/${body.id}`, { ...asCustomer(key), method: "DELETE" }),
        params({ id: body.id }),
      );
    expect(await (await remove()).json()).toEqual({ id: body.id, deleted: true });
    expect((await remove()).status).toBe(404);
    expect(await ownerDb().secret.count({ where: { workspaceId: team.workspaceId, name: { startsWith: `webhook.${body.id}` } } })).toBe(0);
    expect(await ownerDb().webhookDelivery.count({ where: { endpointId: body.id } })).toBe(0);
  });

  it("sends a test event and resends a delivery from the dashboard", async () => {
    const team = await createTeam();
    session.user = { id: team.users.admin.id, email: team.users.admin.email, name: "Admin" };
    const post = (body: unknown) =>
      sessionWebhooks.POST(
        new Request(`http://test/api/workspaces/${team.slug}/webhooks`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
        params({ slug: team.slug }),
      );
    const created = await post({ url: `${receiver.url}/hooks/dashboard`, events: ["run.failed"], description: "CI notifications" });
    expect(created.status).toBe(201);
    const { id, secret, description } = await created.json();
    expect(description).toBe("CI notifications");

    const tested = await sessionTest.POST(new Request("http://test/x", { method: "POST" }), params({ slug: team.slug, id }));
    expect(tested.status).toBe(202);
    const test = await tested.json();
    await attemptDelivery({ deliveryId: test.id, workspaceId: team.workspaceId });
    const resent = await sessionResend.POST(
      new Request("http://test/x", { method: "POST" }),
      params({ slug: team.slug, deliveryId: test.id }),
    );
    expect(resent.status).toBe(202);
    expect(await resent.json()).toMatchObject({ id: test.id, status: "pending", lastStatusCode: 200 });
    await attemptDelivery({ deliveryId: test.id, workspaceId: team.workspaceId });
    const messages = receiver.at("/hooks/dashboard");
    expect(messages.map((m) => m.headers["webhook-id"])).toEqual([test.eventId, test.eventId]);
    for (const message of messages) expect(verify(secret, message)).toMatchObject({ type: "webhook.test" });
    expect((await listDeliveries(team.as("owner"), id))[0]).toMatchObject({
      status: "delivered",
      lastStatusCode: 200,
      lastLatencyMs: expect.any(Number),
    });
  });

  it("answers another workspace's endpoint and delivery with 404, exactly like missing ones", async () => {
    const [a, b] = [await createTeam(), await createTeam()];
    const { id } = await endpointFor(a, "/hooks/isolated");
    const test = await sendTestEvent(a.as("owner"), id);
    const outsider = b.as("owner");
    for (const attempt of [
      () => listDeliveries(outsider, id),
      () => endpoints.deleteWebhookEndpoint(outsider, id),
      () => endpoints.rotateWebhookSecret(outsider, id),
      () => endpoints.enableWebhookEndpoint(outsider, id),
      () => sendTestEvent(outsider, id),
      () => resendDelivery(outsider, test.id),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: "not_found" });
    }
    expect(await endpoints.listWebhookEndpoints(outsider)).toEqual([]);
    const { key } = await createApiKey(outsider, { name: "outsider" });
    const response = await v1Webhook.DELETE(
      new Request(`http://test/api/v1/webhooks/${id}`, { ...asCustomer(key), method: "DELETE" }),
      params({ id }),
    );
    expect(response.status).toBe(404);
    expect(await ownerDb().webhookEndpoint.count({ where: { id } })).toBe(1);
  });

  it.each([
    ["the metadata service", { url: "http://169.254.169.254/latest/meta-data/", events: ["run.failed"] }],
    ["the metadata service, IPv6-mapped", { url: "http://[::ffff:169.254.169.254]/hook", events: ["run.failed"] }],
    ["a file: URL", { url: "file:///etc/passwd", events: ["run.failed"] }],
    ["credentials in the URL", { url: "https://user:pass@example.com/hook", events: ["run.failed"] }],
    ["an unknown event", { url: "https://example.com/hook", events: ["run.exploded"] }],
    ["no events", { url: "https://example.com/hook", events: [] }],
    ["an unknown field", { url: "https://example.com/hook", events: ["run.failed"], secret: "whsec_mine" }],
  ])("refuses %s with 400 and registers nothing", async (_, body) => {
    const team = await createTeam();
    const { key } = await createApiKey(team.as("owner"), { name: "hostile" });
    const response = await v1Webhooks.POST(new Request("http://test/api/v1/webhooks", asCustomer(key, body)), none);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "invalid_request" });
    expect(await ownerDb().webhookEndpoint.count({ where: { workspaceId: team.workspaceId } })).toBe(0);
  });

  it("keeps at most 10 endpoints per workspace", async () => {
    const team = await createTeam();
    await Promise.all(Array.from({ length: 11 }, (_, i) => endpointFor(team, `/hooks/many-${i}`).catch((e) => e)));
    expect(await ownerDb().webhookEndpoint.count({ where: { workspaceId: team.workspaceId } })).toBe(10);
    await expect(endpointFor(team, "/hooks/one-more")).rejects.toMatchObject({ code: "conflict" });
  });

  it("is for owners and admins: members and viewers are forbidden, by session and by API key", async () => {
    const team = await createTeam();
    const { id } = await endpointFor(team, "/hooks/roles");
    for (const role of ["member", "viewer"] as const) {
      const ctx = team.as(role);
      await expect(endpoints.listWebhookEndpoints(ctx)).rejects.toMatchObject({ code: "forbidden" });
      await expect(endpoints.createWebhookEndpoint(ctx, { url: `${receiver.url}/hooks/x`, events: ["run.failed"] })).rejects.toMatchObject({
        code: "forbidden",
      });
      await expect(endpoints.deleteWebhookEndpoint(ctx, id)).rejects.toMatchObject({ code: "forbidden" });
      await expect(sendTestEvent(ctx, id)).rejects.toMatchObject({ code: "forbidden" });
      session.user = { id: team.users[role].id, email: team.users[role].email, name: role };
      expect(
        (await sessionWebhooks.GET(new Request(`http://test/api/workspaces/${team.slug}/webhooks`), params({ slug: team.slug }))).status,
      ).toBe(403);
    }
    // A member's key asked for the scope, but a key holds only what its creator's role allows.
    const { key } = await createApiKey(team.as("member"), { name: "member", scopes: ["runs:read", "webhooks:write"] });
    expect((await v1Webhooks.GET(new Request("http://test/api/v1/webhooks", asCustomer(key)), none)).status).toBe(403);
    const { key: noScope } = await createApiKey(team.as("owner"), { name: "runs only", scopes: ["runs:read"] });
    expect((await v1Webhooks.GET(new Request("http://test/api/v1/webhooks", asCustomer(noScope)), none)).status).toBe(403);
  });
});
