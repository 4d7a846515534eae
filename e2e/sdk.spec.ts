// The TypeScript SDK (sdk/) against the real server: create and wait through the live event stream,
// resumed after a dropped connection without losing or repeating an event; cancel; a 429 retried after
// its Retry-After; typed errors from problem+json.
import { expect, test } from "@playwright/test";
import { AgentHQ, AgentHQError } from "../sdk/src/index";
import { createKeyedWorkspace } from "./support/keys";

const ticket = { agent: "support-triage", input: { ticket: "Checkout fails with an error" } };

/** A fetch that records each call and cuts the first event stream after its first event, as a dropped connection would. */
function flakyFetch() {
  const calls: { url: string; status: number; lastEventId: string | null }[] = [];
  let cut = false;
  const wrapped: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const url = String(input);
    calls.push({ url, status: response.status, lastEventId: new Headers(init?.headers).get("last-event-id") });
    if (!url.endsWith("/events") || cut || !response.body) return response;
    cut = true;
    const reader = response.body.getReader();
    let sent = false;
    const firstEvent = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (sent) {
          await reader.cancel();
          return controller.error(new TypeError("terminated")); // the connection drops after the first event
        }
        // Up to the end of the first event that carries data (the stream may open with a comment or retry line).
        let text = "";
        const firstEnd = () => /\ndata:[^\n]*\n\n|^data:[^\n]*\n\n/m.exec(text);
        while (!firstEnd()) {
          const { value, done } = await reader.read();
          if (done) break;
          text += new TextDecoder().decode(value);
        }
        sent = true;
        const end = firstEnd();
        controller.enqueue(new TextEncoder().encode(end ? text.slice(0, end.index + end[0].length) : text));
      },
    });
    return new Response(firstEvent, { status: response.status, headers: response.headers });
  };
  return { fetch: wrapped, calls };
}

test("runs.create, then wait through SSE: a dropped stream is resumed from its last event", async ({ baseURL }) => {
  const ws = await createKeyedWorkspace(baseURL!, "sdk-wait");
  const flaky = flakyFetch();
  const client = new AgentHQ({ apiKey: ws.key, baseUrl: baseURL, fetch: flaky.fetch });
  const accepted = await client.runs.create(ticket);
  expect(accepted).toMatchObject({ status: "queued", agent: "support-triage" });

  const events = [];
  for await (const event of client.runs.events(accepted.id)) events.push(event);
  expect(events[0]).toMatchObject({ type: "status", data: { status: "queued" } });
  expect(events.at(-1)).toMatchObject({ type: "done", data: { status: "succeeded" } });
  const ids = events.map((e) => e.id);
  expect(new Set(ids).size).toBe(ids.length); // nothing repeated
  const streams = flaky.calls.filter((c) => c.url.endsWith("/events"));
  expect(streams).toHaveLength(2);
  expect(streams[1]!.lastEventId).toBe(ids[0]);

  const run = await client.runs.wait(accepted.id);
  expect(run).toMatchObject({ id: accepted.id, status: "succeeded", output: { text: expect.any(String) } });
  expect(run.trace.length).toBeGreaterThan(0);
  expect((await client.runs.list({ limit: 5 })).data.map((r) => r.id)).toContain(accepted.id);
});

test("runs.cancel, a 429 retried after Retry-After, and typed errors", async ({ baseURL }) => {
  test.setTimeout(60_000);
  const ws = await createKeyedWorkspace(baseURL!, "sdk-retry"); // Free: one run at a time
  const flaky = flakyFetch();
  const client = new AgentHQ({ apiKey: ws.key, baseUrl: baseURL, fetch: flaky.fetch });

  const first = await client.runs.create(ticket);
  // The second waits out the 429 (one run at a time on Free) and goes through once the first is done.
  const second = await client.runs.create(ticket);
  const creates = flaky.calls.filter((c) => c.url.endsWith("/api/v1/runs"));
  expect(creates.map((c) => c.status)).toEqual([202, 429, ...creates.slice(2).map(() => expect.any(Number))]);
  expect(creates.at(-1)!.status).toBe(202);
  expect(second.id).not.toBe(first.id);
  // Picked up in milliseconds, the second is likely running already: it is stopped within a second.
  expect((await client.runs.cancel(second.id)).status).toMatch(/running|canceled|succeeded/);
  await expect.poll(async () => (await client.runs.get(second.id)).status, { timeout: 5_000 }).toMatch(/canceled|succeeded/);

  const missing = await client.runs.get("no-such-run").catch((e: unknown) => e);
  expect(missing).toBeInstanceOf(AgentHQError);
  expect(missing).toMatchObject({ status: 404, code: "not_found" });
  const invalid = await client.runs.create({ agent: "research", input: { nope: 1 } } as never).catch((e: unknown) => e);
  expect(invalid).toMatchObject({
    status: 400,
    code: "invalid_request",
    fieldErrors: expect.arrayContaining([expect.objectContaining({ path: "input.question" })]),
  });
  expect(() => new AgentHQ({ apiKey: "not-a-key" })).toThrow(TypeError);

  const agents = await client.agents.list();
  expect(agents.find((a) => a.id === "research")?.inputSchema).toMatchObject({ type: "object" });
  expect((await client.usage()).apiCalls.used).toBeGreaterThan(0);
});
