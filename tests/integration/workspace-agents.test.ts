// Workspaces' own agents on the real database: every saved change is a new immutable version, a run
// records the version it ran (latest or pinned), the input schema is a real JSON Schema checked with
// ajv, and what could never run (a hostile schema, a private URL, limits beyond the tier, another
// workspace's agent) is refused with a clear error that changes nothing.
import { describe, expect, it } from "vitest";
import { createAgentSchema, updateAgentSchema } from "@/lib/agents/agent-definition";
import { OfflineProvider } from "@/lib/agents/providers/offline-provider";
import {
  archiveAgent,
  createAgent,
  fromTemplate,
  getAgent,
  listAgents,
  listAgentVersions,
  updateAgent,
} from "@/lib/agents/workspace-agents";
import { createRun } from "@/lib/runs/create-run";
import { executeRun } from "@/lib/runs/execute-run";
import { getRunDetail } from "@/lib/runs/read-runs";
import { ownerDb } from "../support/owner-db";
import { createTeam } from "../support/workspace-fixture";

const offline = new OfflineProvider(0, "claude-sonnet-4-6");

async function team(tier: "free" | "pro" = "pro") {
  const t = await createTeam(tier);
  return { ...t, creator: { ctx: t.as("member"), workspace: { id: t.workspaceId, tier, status: "active" as const } } };
}

const define = (overrides: Record<string, unknown> = {}) =>
  createAgentSchema.parse({ name: "Order helper", instructions: "Version one: answer about orders.", ...overrides });

describe("workspace agents", () => {
  it("saves every change as a new version, and runs the version they name: latest or pinned", async () => {
    const t = await team();
    const created = await createAgent(t.as("member"), define({ limits: { maxCostUsd: 0.25, maxRuntimeSeconds: 120 } }));
    expect(created).toMatchObject({
      id: "order-helper",
      version: 1,
      builtIn: false,
      model: "claude-sonnet-4-6",
      limits: { maxTurns: 8, maxRuntimeSeconds: 120, maxCostUsd: 0.25 },
    });
    expect(created.inputSchema).toMatchObject({ type: "object", required: ["prompt"] });
    await updateAgent(t.as("member"), "order-helper", updateAgentSchema.parse({ instructions: "Version two: answer about orders." }));
    const third = await updateAgent(
      t.as("admin"),
      "order-helper",
      updateAgentSchema.parse({ instructions: "Version three: answer about orders.", limits: { maxTurns: 4 } }),
    );
    // Changing one limit keeps the others.
    expect(third).toMatchObject({ version: 3, limits: { maxTurns: 4, maxRuntimeSeconds: 120, maxCostUsd: 0.25 } });
    // Saving what is already saved makes no version.
    expect((await updateAgent(t.as("member"), "order-helper", updateAgentSchema.parse({ limits: { maxTurns: 4 } }))).version).toBe(3);
    expect((await listAgentVersions(t.creator.ctx, "order-helper")).map((v) => [v.version, v.definition.instructions])).toEqual([
      [3, "Version three: answer about orders."],
      [2, "Version two: answer about orders."],
      [1, "Version one: answer about orders."],
    ]);

    const pinned = await createRun(t.creator.ctx, t.creator.workspace, {
      agent: "order-helper@1",
      input: { prompt: "Where is order 42?" },
    });
    const latest = await createRun(t.creator.ctx, t.creator.workspace, { agent: "order-helper", input: { prompt: "Where is order 42?" } });
    expect([pinned.run.agentVersion, latest.run.agentVersion]).toEqual([1, 3]);
    for (const { run } of [pinned, latest]) await executeRun({ runId: run.id, workspaceId: t.workspaceId }, offline);
    const [one, three] = [await getRunDetail(t.creator.ctx, pinned.run.id), await getRunDetail(t.creator.ctx, latest.run.id)];
    expect(one).toMatchObject({ status: "succeeded", agent: "order-helper", agentVersion: 1 });
    // The offline provider echoes the instructions it was given: each run got its own version's.
    expect((one.output as { text: string }).text).toContain("Version one");
    expect((three.output as { text: string }).text).toContain("Version three");
  });

  it("lists the built-in agents first, each with its input schema, then the workspace's own", async () => {
    const t = await team();
    await createAgent(
      t.as("owner"),
      define({
        name: "Mine",
        inputSchema: { type: "object", properties: { city: { type: "string" } }, required: ["city"], additionalProperties: false },
      }),
    );
    const agents = await listAgents(t.creator.ctx);
    expect(agents.slice(0, 5).map((a) => a.builtIn)).toEqual([true, true, true, true, true]);
    expect(agents.find((a) => a.id === "research")!.inputSchema).toMatchObject({ type: "object", required: ["question"] });
    expect(agents.at(-1)).toMatchObject({ id: "mine", inputSchema: { required: ["city"] } });
    // Another workspace sees none of it.
    const other = await team();
    expect((await listAgents(other.creator.ctx)).some((a) => a.id === "mine")).toBe(false);
    await expect(getAgent(other.creator.ctx, "mine")).rejects.toMatchObject({ code: "not_found" });
    await expect(listAgentVersions(other.creator.ctx, "mine")).rejects.toMatchObject({ code: "not_found" });
    await expect(updateAgent(other.as("owner"), "mine", { description: "taken over" })).rejects.toMatchObject({ code: "not_found" });
    await expect(archiveAgent(other.as("owner"), "mine")).rejects.toMatchObject({ code: "not_found" });
    await expect(createRun(other.creator.ctx, other.creator.workspace, { agent: "mine", input: { city: "Oslo" } })).rejects.toMatchObject({
      code: "invalid_request",
    });
  });

  it("checks a run's input against the agent's JSON Schema, naming each field", async () => {
    const t = await team();
    await createAgent(
      t.as("owner"),
      define({
        id: "weather",
        inputSchema: {
          type: "object",
          properties: { city: { type: "string", minLength: 2 }, days: { type: "integer", maximum: 7 } },
          required: ["city"],
          additionalProperties: false,
        },
      }),
    );
    const error = await createRun(t.creator.ctx, t.creator.workspace, { agent: "weather", input: { days: 9, topic: "rain" } }).catch(
      (e) => e,
    );
    expect(error.code).toBe("invalid_request");
    expect(error.fieldErrors).toEqual(
      expect.arrayContaining([
        { path: "input.city", message: "Required." },
        { path: "input", message: 'Unknown field "topic".' },
        { path: "input.days", message: "Must be <= 7." },
      ]),
    );
    expect(await ownerDb().run.count({ where: { workspaceId: t.workspaceId } })).toBe(0);
    expect((await createRun(t.creator.ctx, t.creator.workspace, { agent: "weather", input: { city: "Oslo", days: 3 } })).created).toBe(
      true,
    );
  });

  it("refuses what could never run, with the field at fault, and saves nothing", async () => {
    const t = await team("free");
    const refusals: [Record<string, unknown>, string, RegExp][] = [
      [{ inputSchema: { type: "string" } }, "inputSchema", /must describe an object/],
      [
        { inputSchema: { type: "object", properties: { a: { type: "string", pattern: "^(a+)+$" } } } },
        "inputSchema",
        /may not use "pattern"/,
      ],
      [{ inputSchema: { type: "object", $ref: "https://evil.example/schema.json" } }, "inputSchema", /may not use "\$ref"/],
      [{ inputSchema: { type: "object", properties: { a: { type: "strnig" } } } }, "inputSchema", /not valid JSON Schema/],
      [{ inputSchema: { type: "object", description: "x".repeat(30_000) } }, "inputSchema", /under 20 KB/],
      [
        { inputSchema: { type: "object", properties: { tags: { type: "array", uniqueItems: true } } } },
        "inputSchema",
        /may not use "uniqueItems"/,
      ],
      [{ limits: { maxTurns: 11 } }, "limits.maxTurns", /Free tier allows at most 10 turns/],
      [{ limits: { maxRuntimeSeconds: 301 } }, "limits.maxRuntimeSeconds", /at most 300 seconds/],
      [{ model: "gpt-5" }, "model", /not available/],
      [{ model: "nowhere/llama" }, "model", /not available/],
      [
        { tools: [{ type: "http", name: "crm", description: "CRM", inputSchema: { type: "object" }, url: "http://127.0.0.1:8080/hook" }] },
        "tools.0.url",
        /private network address/,
      ],
      [
        {
          tools: [
            {
              type: "http",
              name: "meta",
              description: "Metadata",
              inputSchema: { type: "object" },
              url: "http://169.254.169.254/latest/meta-data/",
            },
          ],
        },
        "tools.0.url",
        /private network address/,
      ],
      [{ tools: [{ type: "mcp", name: "local", url: "http://localhost:3001/mcp" }] }, "tools.0.url", /private network address/],
      [
        {
          tools: [
            { type: "builtin", name: "outline" },
            { type: "builtin", name: "outline" },
          ],
        },
        "tools",
        /Two tools are named "outline"/,
      ],
      [{ tools: [{ type: "builtin", name: "rm_rf" }] }, "tools.0.name", /./],
      [
        { tools: [{ type: "http", name: "x", description: "x", inputSchema: { type: "object" }, url: "file:///etc/passwd" }] },
        "tools.0.url",
        /./,
      ],
      [{ name: "Two\nlines" }, "name", /one line/],
      [{ id: "research" }, "id", /built-in agent's id/],
    ];
    for (const [overrides, path, message] of refusals) {
      const error = await (async () => createAgent(t.as("owner"), define(overrides)))().catch((e) => e);
      const issues: { path: string; message: string }[] =
        error.fieldErrors ??
        error.issues?.map((i: { path: unknown[]; message: string }) => ({ path: i.path.join("."), message: i.message }));
      expect(issues, JSON.stringify(overrides)).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: expect.stringContaining(path), message: expect.stringMatching(message) })]),
      );
    }
    expect(await ownerDb().agent.count({ where: { workspaceId: t.workspaceId } })).toBe(0);
  });

  it("lets editors write agents and viewers only read them; an archived agent keeps its runs but takes no new ones", async () => {
    const t = await team();
    await expect(createAgent(t.as("viewer"), define())).rejects.toMatchObject({ code: "forbidden" });
    await createAgent(t.as("member"), define());
    await expect(updateAgent(t.as("viewer"), "order-helper", { description: "no" })).rejects.toMatchObject({ code: "forbidden" });
    const { run } = await createRun(t.creator.ctx, t.creator.workspace, { agent: "order-helper", input: { prompt: "Hi" } });
    await archiveAgent(t.as("member"), "order-helper");
    await expect(createRun(t.creator.ctx, t.creator.workspace, { agent: "order-helper", input: { prompt: "Hi" } })).rejects.toMatchObject({
      code: "invalid_request",
    });
    // The queued run still runs the version it recorded.
    await executeRun({ runId: run.id, workspaceId: t.workspaceId }, offline);
    expect((await getRunDetail(t.creator.ctx, run.id)).status).toBe("succeeded");
    const actions = await ownerDb().auditLog.findMany({
      where: { workspaceId: t.workspaceId, action: { startsWith: "agent." } },
      select: { action: true },
    });
    expect(actions.map((a) => a.action).sort()).toEqual(["agent.archived", "agent.created"]);
  });

  it("takes field names that look like keywords, and keeps the agent's cost limit on each run", async () => {
    const t = await team();
    await createAgent(
      t.as("member"),
      define({
        id: "fields",
        limits: { maxCostUsd: 0.02 },
        inputSchema: { type: "object", properties: { pattern: { type: "string" }, $id: { type: "string" } }, required: ["pattern"] },
      }),
    );
    const { run } = await createRun(t.creator.ctx, t.creator.workspace, {
      agent: "fields",
      input: { pattern: "a+", $id: "x" },
      maxCostUsd: 0.5,
    });
    expect(run.maxCostUsd).toBe(0.02);
  });

  it("lets only owners add or change tools that act with the workspace's credentials; members edit the rest", async () => {
    const t = await team();
    const signed = { type: "http", name: "crm", description: "CRM lookup", inputSchema: { type: "object" }, url: "https://8.8.8.8/crm" };
    await expect(createAgent(t.as("member"), define({ tools: [signed] }))).rejects.toMatchObject({ code: "forbidden" });
    await expect(createAgent(t.as("admin"), define({ tools: [signed] }))).rejects.toMatchObject({ code: "forbidden" });
    await createAgent(t.as("owner"), define({ tools: [signed] }));
    // A member may change the instructions of the owner's agent, not where its signed tool goes.
    expect((await updateAgent(t.as("member"), "order-helper", { instructions: "Be brief." })).version).toBe(2);
    await expect(
      updateAgent(t.as("member"), "order-helper", updateAgentSchema.parse({ tools: [{ ...signed, url: "https://1.1.1.1/steal" }] })),
    ).rejects.toMatchObject({ code: "forbidden" });
    const mcpWithSecret = { type: "mcp", name: "kb", url: "https://8.8.4.4/mcp", headers: { Authorization: { secret: "kb_token" } } };
    await expect(
      updateAgent(t.as("member"), "order-helper", updateAgentSchema.parse({ tools: [signed, mcpWithSecret] })),
    ).rejects.toMatchObject({ code: "forbidden" });
    // A plain MCP server without secrets is the member's to add.
    expect(
      (
        await updateAgent(
          t.as("member"),
          "order-helper",
          updateAgentSchema.parse({ tools: [signed, { type: "mcp", name: "docs", url: "https://8.8.4.4/mcp" }] }),
        )
      ).version,
    ).toBe(3);
  });

  it("answers a retried run request with its run even after the agent was archived", async () => {
    const t = await team();
    await createAgent(t.as("member"), define());
    const first = await createRun(t.creator.ctx, t.creator.workspace, {
      agent: "order-helper",
      input: { prompt: "Hi" },
      idempotencyKey: "retry-1",
    });
    await archiveAgent(t.as("member"), "order-helper");
    const again = await createRun(t.creator.ctx, t.creator.workspace, {
      agent: "order-helper",
      input: { prompt: "Hi" },
      idempotencyKey: "retry-1",
    });
    expect(again).toMatchObject({ created: false, run: { id: first.run.id } });
  });

  it("copies a built-in agent into the workspace as version 1 of its own agent", async () => {
    const t = await team();
    const copy = await createAgent(t.as("member"), fromTemplate({ template: "data-analyst", id: "csv-helper" }));
    expect(copy).toMatchObject({
      id: "csv-helper",
      version: 1,
      name: "Data Analyst (copy)",
      tools: [{ type: "builtin", name: "describe_csv" }],
    });
    expect(copy.inputSchema).toMatchObject({ type: "object", required: ["csv"] });
    const { run } = await createRun(t.creator.ctx, t.creator.workspace, { agent: "csv-helper", input: { csv: "a,b\n1,2" } });
    await executeRun({ runId: run.id, workspaceId: t.workspaceId }, offline);
    const detail = await getRunDetail(t.creator.ctx, run.id);
    expect(detail.status).toBe("succeeded");
    expect(detail.trace[0]!.toolCalls).toEqual([
      expect.objectContaining({ name: "describe_csv", isError: false, arguments: { text: "a,b\n1,2" } }),
    ]);
  });
});
