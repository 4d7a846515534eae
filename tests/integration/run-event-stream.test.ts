// A run's event stream always ends: a finished run ends it with `done` whatever the client's
// Last-Event-ID, every stream has a maximum lifetime, and open streams are capped per API key and per
// workspace, a closed or abandoned stream giving its slot (and its timers) back at once.
import { describe, expect, it } from "vitest";

// Short, so that the lifetime test is quick; the other tests finish well within it.
process.env.RUN_STREAM_MAX_SECONDS = "4";
const { GET } = await import("@/app/api/v1/runs/[id]/events/route");
const { createApiKey } = await import("@/lib/api-keys/manage-keys");
const { createRun } = await import("@/lib/runs/create-run");
const { cancelRun } = await import("@/lib/runs/cancel-run");
const { appendRunEvent, listRunEvents } = await import("@/lib/runs/run-events");
const { runEventBus } = await import("@/lib/runs/run-event-bus");
const { ownerDb } = await import("../support/owner-db");
const { createTeam } = await import("../support/workspace-fixture");

type Team = Awaited<ReturnType<typeof createTeam>>;
const FAR_FUTURE = "999999999999999999";

interface SseEvent {
  id?: string;
  event: string;
  data: unknown;
}

function parseEvents(text: string): SseEvent[] {
  return text
    .split("\n\n")
    .filter((block) => /^event: /m.test(block))
    .map((block) => ({
      ...(/^id: (.*)$/m.test(block) && { id: /^id: (.*)$/m.exec(block)![1] }),
      event: /^event: (.*)$/m.exec(block)![1]!,
      data: JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? "null"),
    }));
}

/** Reads a stream until the server ends it or `timeoutMs` passes (then the reader cancels it). */
async function read(response: Response, timeoutMs: number) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const started = Date.now();
  let text = "";
  let ended = false;
  for (;;) {
    const left = started + timeoutMs - Date.now();
    if (left <= 0) break;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const chunk = await Promise.race([reader.read(), new Promise<"timeout">((r) => (timer = setTimeout(() => r("timeout"), left)))]);
    clearTimeout(timer);
    if (chunk === "timeout") break;
    if (chunk.done) {
      ended = true;
      break;
    }
    text += decoder.decode(chunk.value, { stream: true });
  }
  if (!ended) await reader.cancel();
  return { text, events: parseEvents(text), ended, ms: Date.now() - started };
}

async function keyFor(team: Team, name = "stream") {
  return (await createApiKey(team.as("owner"), { name })).key;
}

function openStream(key: string, runId: string, options: { lastEventId?: string; signal?: AbortSignal } = {}) {
  const headers: Record<string, string> = {
    authorization: `Bearer ${key}`,
    ...(options.lastEventId && { "last-event-id": options.lastEventId }),
  };
  return GET(new Request(`http://test/api/v1/runs/${runId}/events`, { headers, signal: options.signal }), {
    params: Promise.resolve({ id: runId }),
  });
}

async function queuedRun(team: Team) {
  const { run } = await createRun(
    team.as("owner"),
    { tier: "pro", status: "active" },
    {
      agent: "support-triage",
      input: { ticket: "The stream never ends" },
    },
  );
  return run;
}

async function finishedRun(team: Team) {
  const run = await queuedRun(team);
  await cancelRun(team.as("owner"), run.id);
  return run;
}

/** Finishes a running run the way a worker does: the status first, then its last events. */
async function finishAsWorker(team: Team, runId: string) {
  await ownerDb().run.update({ where: { id: runId }, data: { status: "succeeded", finishedAt: new Date() } });
  await appendRunEvent(team.workspaceId, runId, "status", { status: "succeeded" });
  await appendRunEvent(team.workspaceId, runId, "done", { status: "succeeded" });
}

const activeTimers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;

describe("a stream of a finished run", () => {
  it("opened past the run's last event replays nothing, sends done with the run's status and ends within a second", async () => {
    const team = await createTeam();
    const key = await keyFor(team);
    const run = await finishedRun(team);
    const done = (await listRunEvents(team.workspaceId, run.id)).at(-1)!;
    expect(done.type).toBe("done");

    for (const lastEventId of [FAR_FUTURE, String(BigInt(done.id) + 1n), done.id]) {
      const response = await openStream(key, run.id, { lastEventId });
      expect(response.status).toBe(200);
      const stream = await read(response, 3_000);
      expect(stream.ended).toBe(true);
      expect(stream.ms).toBeLessThan(1_000);
      // The run's own done event again: a client resuming from its id gets the same answer.
      expect(stream.events).toEqual([{ id: done.id, event: "done", data: { status: "canceled", at: expect.any(String) } }]);
    }
  });

  it("from the start still replays every event and ends after done", async () => {
    const team = await createTeam();
    const run = await finishedRun(team);
    const stream = await read(await openStream(await keyFor(team), run.id), 3_000);
    expect(stream.ended).toBe(true);
    expect(stream.events.map((e) => e.event)).toEqual(["status", "status", "done"]);
  });

  it("of a run that finished without its done event (its worker died in between) still ends, with done", async () => {
    const team = await createTeam();
    const run = await queuedRun(team);
    await ownerDb().run.update({ where: { id: run.id }, data: { status: "failed", finishedAt: new Date(Date.now() - 60_000) } });
    const key = await keyFor(team);
    for (const lastEventId of [undefined, FAR_FUTURE]) {
      const stream = await read(await openStream(key, run.id, { lastEventId }), 3_000);
      expect(stream.ended).toBe(true);
      expect(stream.ms).toBeLessThan(1_000);
      expect(stream.events.at(-1)).toEqual({ event: "done", data: { status: "failed" } });
    }
  });
});

describe("a stream of a running run", () => {
  it("opened past the run's last event gets done as soon as the run finishes", async () => {
    const team = await createTeam();
    const run = await queuedRun(team);
    await ownerDb().run.update({ where: { id: run.id }, data: { status: "running", startedAt: new Date() } });
    const response = await openStream(await keyFor(team), run.id, { lastEventId: FAR_FUTURE });
    const reading = read(response, 3_000);
    await new Promise((r) => setTimeout(r, 300));
    await finishAsWorker(team, run.id);
    const stream = await reading;
    expect(stream.ended).toBe(true);
    expect(stream.events).toEqual([{ id: expect.any(String), event: "done", data: { status: "succeeded", at: expect.any(String) } }]);
  });

  it("ends at its maximum lifetime (RUN_STREAM_MAX_SECONDS), telling the client to reconnect", async () => {
    const team = await createTeam();
    const run = await queuedRun(team);
    const stream = await read(await openStream(await keyFor(team), run.id), 8_000);
    expect(stream.ended).toBe(true);
    expect(stream.ms).toBeGreaterThanOrEqual(3_500);
    expect(stream.ms).toBeLessThan(6_000);
    expect(stream.text).toMatch(/^retry: \d+$/m);
    expect(stream.events.map((e) => e.event)).toEqual(["status"]);
  });
});

describe("open streams are capped", () => {
  it("refuses the 11th concurrent stream of one API key with a 429, and admits one again after a stream closes", async () => {
    const team = await createTeam();
    const key = await keyFor(team);
    const run = await queuedRun(team);
    const open = await Promise.all(Array.from({ length: 10 }, () => openStream(key, run.id)));
    expect(open.map((r) => r.status)).toEqual(Array(10).fill(200));

    const refused = await openStream(key, run.id);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await refused.json()).toMatchObject({ status: 429, code: "rate_limited" });
    // Another key of the same workspace has slots of its own.
    const other = await openStream(await keyFor(team, "other"), run.id);
    expect(other.status).toBe(200);

    await open.shift()!.body!.cancel();
    const admitted = await openStream(key, run.id);
    expect(admitted.status).toBe(200);
    await Promise.all([...open, other, admitted].map((r) => r.body!.cancel()));
  });

  it("refuses the 51st concurrent stream of one workspace, whichever key asks", async () => {
    const team = await createTeam();
    const keys = await Promise.all(Array.from({ length: 6 }, (_, i) => keyFor(team, `k${i}`)));
    const run = await queuedRun(team);
    const open = await Promise.all(Array.from({ length: 50 }, (_, i) => openStream(keys[i % 5]!, run.id)));
    expect(open.map((r) => r.status)).toEqual(Array(50).fill(200));
    expect((await openStream(keys[5]!, run.id)).status).toBe(429);
    // Another workspace is not affected.
    const elsewhere = await createTeam();
    const theirs = await openStream(await keyFor(elsewhere), (await queuedRun(elsewhere)).id);
    expect(theirs.status).toBe(200);
    await Promise.all([...open, theirs].map((r) => r.body!.cancel()));
  });

  it("gets a slot back, and its timers cleared, when the client goes away (abort or cancel)", async () => {
    const team = await createTeam();
    const key = await keyFor(team);
    const run = await queuedRun(team);
    // The database pool keeps a timer per idle connection: fill it first, so that only streams' timers move.
    await Promise.all(Array.from({ length: 10 }, () => listRunEvents(team.workspaceId, run.id)));
    const baseline = activeTimers();
    const controllers = Array.from({ length: 10 }, () => new AbortController());
    const open = await Promise.all(controllers.map((c) => openStream(key, run.id, { signal: c.signal })));
    expect(open.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(activeTimers()).toBeGreaterThanOrEqual(baseline + 20);
    expect((await openStream(key, run.id)).status).toBe(429);

    controllers[0]!.abort();
    const admitted = await openStream(key, run.id);
    expect(admitted.status).toBe(200);
    expect((await openStream(key, run.id)).status).toBe(429);
    await admitted.body!.cancel();
    const afterCancel = await openStream(key, run.id);
    expect(afterCancel.status).toBe(200);
    await afterCancel.body!.cancel();

    controllers.slice(1).forEach((c) => c.abort());
    await new Promise((r) => setTimeout(r, 100));
    expect(activeTimers()).toBeLessThanOrEqual(baseline);
    expect(runEventBus().subscribers(run.id)).toBe(0);
    const again = await Promise.all(Array.from({ length: 10 }, () => openStream(key, run.id)));
    expect(again.map((r) => r.status)).toEqual(Array(10).fill(200));
    await Promise.all(again.map((r) => r.body!.cancel()));
  });
});
