// Customers' own tools and models, end to end on the real database and worker code: the real Anthropic
// SDK against its stand-in asks for the tools; HTTP tools reach a local endpoint that verifies the
// Standard Webhooks signature with the `standardwebhooks` package; an OpenAI-compatible model connection
// runs through the real `openai` SDK against a Chat Completions stand-in with exact token accounting.
// Local servers live on 127.0.0.1, so this file allows private networks, as a self-hoster would.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startAnthropicStandIn } from "../support/anthropic-stand-in";
import { startReferenceServer } from "../support/mcp-servers";
import { startOpenAIStandIn } from "../support/openai-stand-in";
import { ownerDb } from "../support/owner-db";
import { createTeam } from "../support/workspace-fixture";

vi.hoisted(() => {
  process.env.ALLOW_PRIVATE_NETWORKS = "1";
});
const { AnthropicProvider } = await import("@/lib/agents/providers/anthropic-provider");
const { createAgentSchema } = await import("@/lib/agents/agent-definition");
const { createAgent } = await import("@/lib/agents/workspace-agents");
const { createConnection } = await import("@/lib/models/model-connections");
const { createRun } = await import("@/lib/runs/create-run");
const { executeRun } = await import("@/lib/runs/execute-run");
const { getRunDetail } = await import("@/lib/runs/read-runs");
const { listRunEvents } = await import("@/lib/runs/run-events");
const { setCustomSecret } = await import("@/lib/secrets/custom-secrets");
const { revealSigningSecret } = await import("@/lib/tools/signing-secret");

const anthropic = await startAnthropicStandIn();
const platform = new AnthropicProvider({ apiKey: "platform-key", baseURL: anthropic.url, model: "claude-sonnet-4-6" });

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}
const received: Received[] = [];
const endpoint = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ order: "42", status: "shipped" }));
  });
});
let endpointUrl = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => endpoint.listen(0, "127.0.0.1", resolve));
  endpointUrl = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}`;
});
afterAll(async () => {
  endpoint.closeAllConnections();
  endpoint.close();
  await anthropic.close();
});

async function team() {
  const t = await createTeam("pro");
  return { ...t, creator: { ctx: t.as("owner"), workspace: { id: t.workspaceId, tier: "pro" as const, status: "active" as const } } };
}

const httpTool = (name: string, path: string) => ({
  type: "http" as const,
  name,
  description: "Looks an order up.",
  inputSchema: { type: "object", properties: { id: { type: "string" } }, required: ["id"] },
  url: `${endpointUrl}${path}`,
  headers: { "X-Api-Key": { secret: "orders_key" }, "X-Plain": "plain" },
});

describe("HTTP tools", () => {
  it("calls the customer's endpoint with the model's arguments, signed, and feeds the answer back", async () => {
    const t = await team();
    await setCustomSecret(t.as("owner"), { name: "orders_key", value: "sk-orders-123" });
    await createAgent(
      t.as("owner"),
      createAgentSchema.parse({ name: "Orders", instructions: "Answer about orders.", tools: [httpTool("lookup_order", "/orders")] }),
    );
    const { run } = await createRun(t.creator.ctx, t.creator.workspace, { agent: "orders", input: { prompt: "Where is order 42?" } });
    received.length = 0;
    const sent = anthropic.requests.length;
    anthropic.replies.push(
      {
        content: [
          { type: "text", text: "Looking it up." },
          { type: "tool_use", name: "lookup_order", input: { id: "42" } },
        ],
      },
      { content: [{ type: "text", text: "Order 42 has shipped." }] },
    );
    await executeRun({ runId: run.id, workspaceId: t.workspaceId }, platform);

    expect(received).toHaveLength(1);
    const call = received[0]!;
    expect(JSON.parse(call.body)).toEqual({ id: "42" });
    expect(call.headers["x-api-key"]).toBe("sk-orders-123");
    expect(call.headers["x-plain"]).toBe("plain");
    // The customer verifies the call with the standard library and the secret from Settings.
    const { secret } = await revealSigningSecret(t.as("owner"));
    expect(new Webhook(secret).verify(call.body, call.headers as Record<string, string>)).toEqual({ id: "42" });
    expect(() =>
      new Webhook(Buffer.from("not-the-secret-not-the-secret!!!").toString("base64")).verify(
        call.body,
        call.headers as Record<string, string>,
      ),
    ).toThrow();

    const toolResult = JSON.stringify(anthropic.requests[sent + 1]!.body.messages.at(-1));
    expect(toolResult).toContain("shipped");
    const detail = await getRunDetail(t.creator.ctx, run.id);
    expect(detail.status).toBe("succeeded");
    expect(detail.trace[0]!.toolCalls).toEqual([
      expect.objectContaining({
        name: "lookup_order",
        arguments: { id: "42" },
        isError: false,
        result: expect.stringContaining("shipped"),
      }),
    ]);
    const toolEvents = (await listRunEvents(t.workspaceId, run.id)).filter((e) => e.type === "tool");
    expect(toolEvents.map((e) => e.data)).toEqual([expect.objectContaining({ tool: "lookup_order", isError: false })]);
    // Secrets never reach the trace or the events.
    expect(JSON.stringify([detail, toolEvents])).not.toContain("sk-orders-123");
  });

  it("answers the model with a tool error when a secret the tool needs is missing, sending nothing; the run goes on", async () => {
    const t = await team();
    await createAgent(
      t.as("owner"),
      createAgentSchema.parse({ name: "Keyless", instructions: "Try the tool.", tools: [httpTool("lookup_order", "/orders")] }),
    );
    const { run } = await createRun(t.creator.ctx, t.creator.workspace, { agent: "keyless", input: { prompt: "Go" } });
    received.length = 0;
    anthropic.replies.push(
      { content: [{ type: "tool_use", name: "lookup_order", input: { id: "1" } }] },
      { content: [{ type: "text", text: "The tool failed; I answer without it." }] },
    );
    await executeRun({ runId: run.id, workspaceId: t.workspaceId }, platform);
    const detail = await getRunDetail(t.creator.ctx, run.id);
    expect(detail).toMatchObject({ status: "succeeded", output: { text: "The tool failed; I answer without it." } });
    expect(detail.trace[0]!.toolCalls).toEqual([
      expect.objectContaining({ name: "lookup_order", isError: true, result: expect.stringContaining('"orders_key"') }),
    ]);
    expect(received).toHaveLength(0);
  });
});

describe("MCP tools", () => {
  it("gives the model the reference server's allowed tools, feeds their results back, and a server killed mid-run fails only that call", async () => {
    const server = await startReferenceServer("streamableHttp");
    try {
      const t = await team();
      await createAgent(
        t.as("owner"),
        createAgentSchema.parse({
          name: "Everything",
          instructions: "Use the MCP tools.",
          tools: [{ type: "mcp", name: "everything", url: server.url, allowedTools: ["echo", "get-sum"] }],
        }),
      );
      const { run } = await createRun(t.creator.ctx, t.creator.workspace, {
        agent: "everything",
        input: { prompt: "Echo hello, then add 2 and 3." },
      });
      const sent = anthropic.requests.length;
      anthropic.replies.push(
        { content: [{ type: "tool_use", name: "everything__echo", input: { message: "hello from the model" } }] },
        // The second turn waits, and the server is killed meanwhile: its call must fail, not the run.
        { content: [{ type: "tool_use", name: "everything__get-sum", input: { a: 2, b: 3 } }], delayMs: 1_500 },
        { content: [{ type: "text", text: "Echoed; the sum tool was down." }] },
      );
      const execution = executeRun({ runId: run.id, workspaceId: t.workspaceId }, platform);
      await expect.poll(() => ownerDb().runToolCall.count({ where: { runId: run.id } }), { timeout: 10_000 }).toBe(1);
      await server.kill();
      await execution;

      expect(anthropic.requests[sent]!.body.tools?.map((tool) => tool.name).sort()).toEqual(["everything__echo", "everything__get-sum"]);
      expect(JSON.stringify(anthropic.requests[sent + 1]!.body.messages.at(-1))).toContain("hello from the model");
      const detail = await getRunDetail(t.creator.ctx, run.id);
      expect(detail).toMatchObject({ status: "succeeded", output: { text: "Echoed; the sum tool was down." } });
      const calls = detail.trace.flatMap((s) => s.toolCalls);
      expect(calls).toEqual([
        expect.objectContaining({ name: "everything__echo", isError: false, result: expect.stringContaining("hello from the model") }),
        expect.objectContaining({
          name: "everything__get-sum",
          isError: true,
          result: expect.stringContaining("The MCP server everything failed"),
        }),
      ]);
    } finally {
      await server.kill();
    }
  });

  it("runs on without a server that is down when the run starts, and says so in the run's log", async () => {
    const t = await team();
    await createAgent(
      t.as("owner"),
      createAgentSchema.parse({
        name: "Down",
        instructions: "Try.",
        tools: [{ type: "mcp", name: "gone", url: "http://127.0.0.1:9/mcp" }],
      }),
    );
    const { run } = await createRun(t.creator.ctx, t.creator.workspace, { agent: "down", input: { prompt: "Hi" } });
    const sent = anthropic.requests.length;
    anthropic.replies.push({ content: [{ type: "text", text: "No tools today." }] });
    await executeRun({ runId: run.id, workspaceId: t.workspaceId }, platform);
    expect((await getRunDetail(t.creator.ctx, run.id)).status).toBe("succeeded");
    expect(anthropic.requests[sent]!.body.tools).toBeUndefined();
    const logs = (await listRunEvents(t.workspaceId, run.id))
      .filter((e) => e.type === "log")
      .map((e) => (e.data as { message: string }).message);
    expect(logs[0]).toMatch(/The MCP server gone could not be opened/);
  });
});

describe("OpenAI-compatible model connections", () => {
  it("runs an agent on a connection's model through the openai SDK, with the tool loop and exact token accounting", async () => {
    const standIn = await startOpenAIStandIn();
    try {
      const t = await team();
      await createConnection(t.as("owner"), {
        name: "local",
        baseUrl: standIn.url,
        apiKey: "sk-local-abc",
        models: [{ name: "llama3.1:8b", inputUsdPerMillion: 0.2, outputUsdPerMillion: 0.6 }],
      });
      // The name is taken, even by two owners at once: a conflict, not a failure.
      const again = { name: "local", baseUrl: standIn.url, models: [{ name: "m", inputUsdPerMillion: 0, outputUsdPerMillion: 0 }] };
      const both = await Promise.allSettled([createConnection(t.as("owner"), again), createConnection(t.as("owner"), again)]);
      expect(both.map((r) => r.status === "rejected" && (r.reason as { code?: string }).code)).toEqual(["conflict", "conflict"]);
      await createAgent(
        t.as("owner"),
        createAgentSchema.parse({
          name: "Local",
          instructions: "Use the tools.",
          model: "local/llama3.1:8b",
          tools: [{ type: "builtin", name: "classify" }],
        }),
      );
      const { run } = await createRun(t.creator.ctx, t.creator.workspace, {
        agent: "local",
        input: { prompt: "Everything is down, urgent" },
      });
      standIn.replies.push(
        {
          content: [{ type: "tool_use", name: "classify", input: { text: "Everything is down, urgent" } }],
          usage: { prompt_tokens: 1_000, completion_tokens: 40 },
        },
        {
          content: [{ type: "text", text: "Urgent, technical." }],
          usage: { prompt_tokens: 1_300, completion_tokens: 60, cached_tokens: 1_000 },
        },
      );
      await executeRun({ runId: run.id, workspaceId: t.workspaceId }, platform);

      const detail = await getRunDetail(t.creator.ctx, run.id);
      expect(detail).toMatchObject({ status: "succeeded", provider: "openai", output: { text: "Urgent, technical." } });
      expect(standIn.requests.map((r) => [r.body.model, r.authorization])).toEqual([
        ["llama3.1:8b", "Bearer sk-local-abc"],
        ["llama3.1:8b", "Bearer sk-local-abc"],
      ]);
      expect(JSON.stringify(standIn.requests[1]!.body.messages)).toContain('\\"urgency\\":\\"urgent\\"');
      // 1,000 + 300 uncached input tokens at $0.20/M, 1,000 cached at the input price, 100 output at $0.60/M.
      expect(detail.usage).toEqual({
        inputTokens: 1_300,
        outputTokens: 100,
        cacheReadTokens: 1_000,
        cacheWriteTokens: 0,
        costUsd: 0.00052,
        billedTo: "workspace",
      });
      expect(detail.trace.map((s) => [s.provider, s.model, s.costUsd])).toEqual([
        ["openai", "llama3.1:8b", 0.000224],
        ["openai", "llama3.1:8b", 0.000296],
      ]);
      // The workspace's own connection pays: nothing of the included model spend is used.
      const counter = await ownerDb().usageCounter.findFirst({ where: { workspaceId: t.workspaceId, metric: "model_spend" } });
      expect(Number(counter?.used ?? 0)).toBe(0);
    } finally {
      await standIn.close();
    }
  });
});
