// Any OpenAI-compatible Chat Completions endpoint (Ollama, vLLM, LM Studio, OpenRouter, LiteLLM,
// OpenAI) through the official SDK, streamed, with tool use. The agent loop speaks Anthropic's Messages
// format, so requests are translated to chat messages and the streamed deltas back to content blocks.
// Failures become ProviderErrors with a message fit for the customer; the SDK retries once on its own.
import OpenAI from "openai";
import { MAX_OUTPUT_TOKENS, type ModelPrice } from "@/config/models";
import { logger } from "@/lib/log/logger";
import { inputTokensUpperBound } from "@/lib/spend/estimate-tokens";
import type { TokenUsage } from "@/lib/spend/token-usage";
import {
  ProviderError,
  type ContentBlock,
  type Message,
  type ModelProvider,
  type ModelRequest,
  type ModelTurn,
  type ToolSpec,
} from "../model-types";

type ChatMessage = OpenAI.Chat.ChatCompletionMessageParam;

/** The SDK insists on a key; local servers such as Ollama take none, and get this one. */
const NO_API_KEY = "none";

export class OpenAICompatibleProvider implements ModelProvider {
  readonly name = "openai" as const;
  readonly estimatesUsage = false;
  readonly model: string;
  readonly price: ModelPrice;
  private readonly client: OpenAI;

  constructor(options: { baseURL: string; apiKey?: string; model: string; price: ModelPrice; timeoutMs?: number; fetch?: typeof fetch }) {
    this.client = new OpenAI({
      baseURL: options.baseURL,
      apiKey: options.apiKey ?? NO_API_KEY,
      fetch: options.fetch,
      maxRetries: 1,
      timeout: options.timeoutMs ?? 60_000,
    });
    this.model = options.model;
    this.price = options.price;
  }

  async turn(request: ModelRequest): Promise<ModelTurn> {
    try {
      const maxTokens = request.maxTokens ?? MAX_OUTPUT_TOKENS;
      const stream = await this.client.chat.completions.create(
        {
          model: this.model,
          // max_tokens rather than max_completion_tokens: Ollama, vLLM and most others only know this one.
          max_tokens: maxTokens,
          messages: [{ role: "system", content: request.system }, ...request.messages.flatMap(toChatMessages)],
          ...(request.tools.length > 0 && { tools: request.tools.map(toChatTool) }),
          stream: true,
          stream_options: { include_usage: true },
        },
        { signal: request.signal },
      );
      let text = "";
      const calls: { id: string; name: string; arguments: string }[] = [];
      let finishReason: string | null = null;
      let usage: OpenAI.CompletionUsage | undefined;
      for await (const chunk of stream) {
        // The usage chunk comes last, with no choices; some servers repeat usage on every chunk.
        if (chunk.usage) usage = chunk.usage;
        const choice = chunk.choices[0];
        if (!choice) continue;
        if (choice.finish_reason) finishReason = choice.finish_reason;
        if (choice.delta.content) {
          text += choice.delta.content;
          request.onText?.(choice.delta.content);
        }
        // A tool call streams as fragments sharing its index: id and name first, then the arguments.
        for (const delta of choice.delta.tool_calls ?? []) {
          const call = (calls[delta.index] ??= { id: "", name: "", arguments: "" });
          if (delta.id) call.id = delta.id;
          if (delta.function?.name) call.name = delta.function.name;
          if (delta.function?.arguments) call.arguments += delta.function.arguments;
        }
      }
      // The SDK ends the stream quietly when the signal aborts it: a cut-short turn must not pass for whole.
      request.signal.throwIfAborted();
      const toolUses = calls.filter(Boolean).map((call, index): ContentBlock => ({
        type: "tool_use",
        id: call.id || `call_${index}`,
        name: call.name,
        input: parseArguments(call.arguments),
      }));
      const content: ContentBlock[] = text ? [{ type: "text", text }, ...toolUses] : toolUses;
      return {
        content,
        stopReason: toStopReason(finishReason, toolUses.length > 0),
        usage: usage ? toTokenUsage(usage) : this.worstCaseUsage(request, maxTokens),
      };
    } catch (error) {
      if (request.signal.aborted) throw error;
      throw toProviderError(error, this.model);
    }
  }

  /**
   * The turn ran and must be billed, but the endpoint reported no usage: bill its worst case (the
   * input's upper bound and every allowed output token) rather than nothing.
   */
  private worstCaseUsage(request: ModelRequest, maxTokens: number): TokenUsage {
    logger.warn("model connection reported no token usage; billing the turn's worst case", { model: this.model });
    return { inputTokens: inputTokensUpperBound(request), outputTokens: maxTokens, cacheReadTokens: 0, cacheWriteTokens: 0 };
  }
}

/** One Messages-format message as chat messages: tool results become `tool` messages, ahead of any text. */
function toChatMessages(message: Message): ChatMessage[] {
  if (typeof message.content === "string") return [{ role: message.role, content: message.content }];
  const text = message.content.flatMap((b) => (b.type === "text" ? [b.text] : [])).join("");
  if (message.role === "assistant") {
    const toolCalls = message.content.flatMap((b): OpenAI.Chat.ChatCompletionMessageFunctionToolCall[] =>
      b.type === "tool_use" ? [{ id: b.id, type: "function", function: { name: b.name, arguments: JSON.stringify(b.input) } }] : [],
    );
    if (toolCalls.length === 0) return [{ role: "assistant", content: text }];
    return [{ role: "assistant", content: text || null, tool_calls: toolCalls }];
  }
  const toolResults = message.content.flatMap((b): ChatMessage[] =>
    b.type === "tool_result"
      ? [{ role: "tool", tool_call_id: b.tool_use_id, content: b.is_error ? `Error: ${b.content}` : b.content }]
      : [],
  );
  return text ? [...toolResults, { role: "user", content: text }] : toolResults;
}

function toChatTool(tool: ToolSpec): OpenAI.Chat.ChatCompletionFunctionTool {
  return { type: "function", function: { name: tool.name, description: tool.description, parameters: tool.input_schema } };
}

/**
 * A tool call's arguments. Models do emit broken JSON; it is kept as `{ _raw }` rather than dropped, so
 * the tool fails on it visibly and the model sees what it sent. No arguments at all is `{}`.
 */
function parseArguments(text: string): unknown {
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    return { _raw: text };
  }
}

/** finish_reason in Messages terms. Some servers (older Ollama) say "stop" after tool calls. */
function toStopReason(finishReason: string | null, calledTools: boolean): string | null {
  if (finishReason === "tool_calls" || (finishReason === "stop" && calledTools)) return "tool_use";
  if (finishReason === "stop") return "end_turn";
  if (finishReason === "length") return "max_tokens";
  return finishReason;
}

/** prompt_tokens include the cached ones, which are billed apart as cache reads. */
function toTokenUsage(usage: OpenAI.CompletionUsage): TokenUsage {
  const cached = usage.prompt_tokens_details?.cached_tokens ?? 0;
  return { inputTokens: usage.prompt_tokens - cached, outputTokens: usage.completion_tokens, cacheReadTokens: cached, cacheWriteTokens: 0 };
}

function toProviderError(error: unknown, model: string): ProviderError {
  if (error instanceof OpenAI.APIConnectionTimeoutError) return new ProviderError("The model connection did not answer in time.");
  if (error instanceof OpenAI.APIConnectionError) return new ProviderError("Could not reach the model connection.");
  if (error instanceof OpenAI.AuthenticationError || error instanceof OpenAI.PermissionDeniedError) {
    return new ProviderError(`The model connection rejected the API key (${error.status}).`, { rejectedKey: true });
  }
  if (error instanceof OpenAI.RateLimitError)
    return new ProviderError("The model connection is rate limiting requests (429). Try again later.");
  if (error instanceof OpenAI.NotFoundError) return new ProviderError(`The model connection does not know the model ${model} (404).`);
  if (error instanceof OpenAI.APIError)
    return new ProviderError(`The model connection answered with an error (${error.status ?? "unknown status"}).`);
  return new ProviderError("The model connection failed unexpectedly.");
}
