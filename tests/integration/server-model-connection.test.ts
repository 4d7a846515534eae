// The server's own OpenAI-compatible connection (OPENAI_BASE_URL, OPENAI_API_KEY, OPENAI_MODELS),
// offered to every workspace as "openai/<model>": its turns go out with the server's key and draw on
// the workspace's model budget like Claude's.
import { afterAll, describe, expect, it } from "vitest";
import { startOpenAIStandIn } from "../support/openai-stand-in";

// The stand-in must listen before the app's configuration is read: everything else is imported after.
const standIn = await startOpenAIStandIn();
afterAll(() => standIn.close());
process.env.ALLOW_PRIVATE_NETWORKS = "1";
process.env.OPENAI_BASE_URL = standIn.url;
process.env.OPENAI_API_KEY = "sk-server-key";
process.env.OPENAI_MODELS = JSON.stringify({ "gpt-test": { input: 1, output: 2 } });
const { createAgentSchema } = await import("@/lib/agents/agent-definition");
const { createAgent } = await import("@/lib/agents/workspace-agents");
const { OfflineProvider } = await import("@/lib/agents/providers/offline-provider");
const { availableModels } = await import("@/lib/models/model-connections");
const { createRun } = await import("@/lib/runs/create-run");
const { executeRun } = await import("@/lib/runs/execute-run");
const { getRunDetail } = await import("@/lib/runs/read-runs");
const { createTeam } = await import("../support/workspace-fixture");
const { ownerDb } = await import("../support/owner-db");

describe("the server's model connection", () => {
  it("is offered to every workspace, sends the server's key, and bills the model budget", async () => {
    const t = await createTeam("pro");
    expect(await availableModels(t.as("member"))).toContain("openai/gpt-test");
    await createAgent(
      t.as("member"),
      createAgentSchema.parse({ name: "Server model", instructions: "Be brief.", model: "openai/gpt-test" }),
    );
    const creator = { ctx: t.as("owner"), workspace: { id: t.workspaceId, tier: "pro" as const, status: "active" as const } };
    const { run } = await createRun(creator.ctx, creator.workspace, { agent: "server-model", input: { prompt: "Hi" } });
    standIn.replies.push({ content: [{ type: "text", text: "Hello." }], usage: { prompt_tokens: 1_000, completion_tokens: 500 } });
    await executeRun({ runId: run.id, workspaceId: t.workspaceId }, new OfflineProvider(0, "claude-sonnet-4-6"));

    expect(standIn.requests.at(-1)).toMatchObject({ authorization: "Bearer sk-server-key", body: { model: "gpt-test" } });
    const detail = await getRunDetail(creator.ctx, run.id);
    // 1,000 input tokens at $1/M and 500 output at $2/M.
    expect(detail).toMatchObject({
      status: "succeeded",
      provider: "openai",
      usage: { inputTokens: 1_000, outputTokens: 500, costUsd: 0.002, billedTo: "platform" },
    });
    const counter = await ownerDb().usageCounter.findFirst({ where: { workspaceId: t.workspaceId, metric: "model_spend" } });
    expect(Number(counter?.used)).toBe(2_000);
  });
});
