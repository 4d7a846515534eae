// The agent loop: ask the model, run the tools it asks for, feed their results back, until it answers
// or runs out of turns.
import type { AgentDefinition } from "./catalog";
import type { ContentBlock, Message, ModelProvider } from "./model-types";
import { runTool, toolsFor } from "./tools";

export interface AgentLoopResult {
  text: string;
  turns: number;
}

export type AgentLog = (message: string, detail?: Record<string, unknown>) => Promise<void>;

export async function runAgentLoop(options: {
  agent: AgentDefinition;
  input: unknown;
  provider: ModelProvider;
  signal: AbortSignal;
  log: AgentLog;
}): Promise<AgentLoopResult> {
  const { agent, provider, signal, log } = options;
  const tools = toolsFor(agent.tools).map(({ name, description, input_schema }) => ({ name, description, input_schema }));
  const messages: Message[] = [{ role: "user", content: JSON.stringify(options.input, null, 2) }];

  for (let turn = 1; turn <= agent.maxTurns; turn++) {
    await log(`Turn ${turn}: asking the model`);
    const reply = await provider.turn({ system: agent.instructions, messages, tools, signal });
    messages.push({ role: "assistant", content: reply.content });
    const text = reply.content.flatMap((b) => (b.type === "text" ? [b.text] : [])).join("\n").trim();
    const toolUses = reply.content.filter((b): b is Extract<ContentBlock, { type: "tool_use" }> => b.type === "tool_use");
    if (toolUses.length === 0 || reply.stopReason !== "tool_use") return { text, turns: turn };

    const results: ContentBlock[] = [];
    for (const use of toolUses) {
      const result = runTool(use.name, use.input);
      await log(`Tool ${use.name}: ${result.isError ? "failed" : "done"}`, { tool: use.name });
      results.push({ type: "tool_result", tool_use_id: use.id, content: result.content, ...(result.isError && { is_error: true }) });
    }
    messages.push({ role: "user", content: results });
  }
  throw new Error(`The agent did not finish within its ${agent.maxTurns} turns.`);
}
