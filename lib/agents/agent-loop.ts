// The agent loop: ask the model, run the tools it asks for, feed their results back, until it answers
// or runs out of turns.
import type { AgentDefinition } from "./catalog";
import type { ContentBlock, Message, ModelProvider, ToolSpec } from "./model-types";
import { runTool, toolsFor } from "./tools";

export interface AgentLoopResult {
  text: string;
  turns: number;
}

/** The agent used all its turns without a final answer. */
export class TurnsExhausted extends Error {
  constructor(maxTurns: number) {
    super(`The agent did not finish within its ${maxTurns} turns.`);
    this.name = "TurnsExhausted";
  }
}

export type AgentLog = (message: string, detail?: Record<string, unknown>) => Promise<void>;

/** What the agent's first turn sends: its instructions, its tools and the run's input. */
export function firstTurnRequest(agent: AgentDefinition, input: unknown): { system: string; tools: ToolSpec[]; messages: Message[] } {
  const tools = toolsFor(agent.tools).map(({ name, description, input_schema }) => ({ name, description, input_schema }));
  return { system: agent.instructions, tools, messages: [{ role: "user", content: JSON.stringify(input, null, 2) }] };
}

export async function runAgentLoop(options: {
  agent: AgentDefinition;
  input: unknown;
  provider: ModelProvider;
  signal: AbortSignal;
  log: AgentLog;
}): Promise<AgentLoopResult> {
  const { agent, provider, signal, log } = options;
  const { system, tools, messages } = firstTurnRequest(agent, options.input);

  for (let turn = 1; turn <= agent.maxTurns; turn++) {
    await log(`Turn ${turn}: asking the model`);
    const reply = await provider.turn({ system, messages, tools, signal });
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
  throw new TurnsExhausted(agent.maxTurns);
}
