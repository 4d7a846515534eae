// The built-in provider used when no ANTHROPIC_API_KEY is set: deterministic, clearly labelled demo
// turns that exercise the same agent loop (a tool call, then a final answer) without any model. It
// reports estimated tokens, priced as the default model, so budgets and spend work with no key.
import type { ModelPrice } from "@/config/models";
import { inputTokensUpperBound, typicalTokens } from "@/lib/spend/estimate-tokens";
import { modelPrice } from "@/lib/spend/price-turn";
import type { ContentBlock, ModelProvider, ModelRequest, ModelTurn } from "../model-types";

export const OFFLINE_LABEL = "[Offline demo: no model provider is configured, so this result is a deterministic placeholder.]";

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => (clearTimeout(timer), reject(signal.reason));
    const timer = setTimeout(() => (signal.removeEventListener("abort", onAbort), resolve()), ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/** The run's main text: the first string field of its input (the question, the code, the CSV…). */
function inputText(request: ModelRequest): string {
  const first = request.messages[0]?.content;
  if (typeof first !== "string") return "";
  try {
    const input = JSON.parse(first) as Record<string, unknown>;
    const text = Object.values(input).find((v): v is string => typeof v === "string");
    return text ?? first;
  } catch {
    return first;
  }
}

export class OfflineProvider implements ModelProvider {
  readonly name = "offline" as const;
  readonly estimatesUsage = true;
  readonly price: ModelPrice;

  constructor(
    private readonly turnMs: number,
    readonly model: string,
  ) {
    this.price = modelPrice(model);
  }

  /** About 4 bytes a token for what was sent and what came back. */
  private usage(request: ModelRequest, content: ContentBlock[]) {
    const sent = Math.ceil(inputTokensUpperBound(request) / 4);
    return { inputTokens: sent, outputTokens: typicalTokens(content), cacheReadTokens: 0, cacheWriteTokens: 0 };
  }

  async turn(request: ModelRequest): Promise<ModelTurn> {
    await sleep(this.turnMs, request.signal);
    const toolResults = request.messages.flatMap((m) =>
      typeof m.content === "string"
        ? []
        : m.content.filter((b): b is Extract<ContentBlock, { type: "tool_result" }> => b.type === "tool_result"),
    );
    const tool = request.tools[0];
    if (tool && toolResults.length === 0) {
      const content: ContentBlock[] = [
        { type: "text", text: `Looking at the input with ${tool.name}.` },
        { type: "tool_use", id: "offline_tool_1", name: tool.name, input: { text: inputText(request) } },
      ];
      return { content, stopReason: "tool_use", usage: this.usage(request, content) };
    }
    const answer = [
      OFFLINE_LABEL,
      "",
      `Instructions: ${request.system}`,
      ...(toolResults.length ? ["", "Tool findings:", ...toolResults.map((r) => r.content)] : []),
    ].join("\n");
    request.onText?.(answer);
    const content: ContentBlock[] = [{ type: "text", text: answer }];
    return { content, stopReason: "end_turn", usage: this.usage(request, content) };
  }
}
