// The agent loop: ask the model, run the tools it asks for, feed their results back, until it answers
// or runs out of turns. Provider failures, budget stops and the run's signal end it by throwing; the
// caller turns each into a typed outcome (lib/runs/run-outcome.ts).
import type { AgentSpec } from "./agent-definition";
import type { ContentBlock, Message, ModelProvider, ToolSpec } from "./model-types";
import type { Toolbox, ToolCallResult } from "./toolbox";

export type LoopEnd = { kind: "finished"; text: string; turns: number } | { kind: "out_of_turns"; maxTurns: number };

export type AgentLog = (message: string, detail?: Record<string, unknown>) => Promise<void>;

export interface ToolCallRecord extends ToolCallResult {
  turn: number;
  callId: string;
  name: string;
  input: unknown;
}

/** What the agent's first turn sends: its instructions, its tools and the run's input. */
export function firstTurnRequest(
  agent: Pick<AgentSpec, "instructions">,
  tools: ToolSpec[],
  input: unknown,
): { system: string; tools: ToolSpec[]; messages: Message[] } {
  return { system: agent.instructions, tools, messages: [{ role: "user", content: JSON.stringify(input, null, 2) }] };
}

export async function runAgentLoop(options: {
  agent: AgentSpec;
  input: unknown;
  provider: ModelProvider;
  toolbox: Toolbox;
  signal: AbortSignal;
  log: AgentLog;
  onToolCall: (call: ToolCallRecord) => Promise<void>;
}): Promise<LoopEnd> {
  const { agent, provider, toolbox, signal, log } = options;
  const { system, tools, messages } = firstTurnRequest(agent, toolbox.specs, options.input);

  for (let turn = 1; turn <= agent.maxTurns; turn++) {
    await log(`Turn ${turn}: asking the model`);
    const reply = await provider.turn({ system, messages, tools, signal });
    messages.push({ role: "assistant", content: reply.content });
    const text = reply.content
      .flatMap((b) => (b.type === "text" ? [b.text] : []))
      .join("\n")
      .trim();
    const toolUses = reply.content.filter((b): b is Extract<ContentBlock, { type: "tool_use" }> => b.type === "tool_use");
    if (toolUses.length === 0 || reply.stopReason !== "tool_use") return { kind: "finished", text, turns: turn };

    const results: ContentBlock[] = [];
    for (const use of toolUses) {
      const result = await toolbox.call(use.name, use.input, use.id, signal);
      await options.onToolCall({ ...result, turn, callId: use.id, name: use.name, input: use.input });
      await log(`Tool ${use.name}: ${result.isError ? "failed" : "done"} in ${result.durationMs} ms`, { tool: use.name });
      results.push({ type: "tool_result", tool_use_id: use.id, content: result.content, ...(result.isError && { is_error: true }) });
    }
    messages.push({ role: "user", content: results });
  }
  return { kind: "out_of_turns", maxTurns: agent.maxTurns };
}
