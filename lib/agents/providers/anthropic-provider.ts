// Anthropic's Messages API through the official SDK, streamed, with tool use. Failures become
// ProviderErrors with a message fit for the customer; the SDK retries once on its own.
import Anthropic from "@anthropic-ai/sdk";
import { MAX_OUTPUT_TOKENS, type ModelPrice } from "@/config/models";
import { modelPrice } from "@/lib/spend/price-turn";
import { ProviderError, type ContentBlock, type ModelProvider, type ModelRequest, type ModelTurn } from "../model-types";

export class AnthropicProvider implements ModelProvider {
  readonly name = "anthropic" as const;
  readonly estimatesUsage = false;
  readonly model: string;
  readonly price: ModelPrice;
  private readonly client: Anthropic;

  constructor(options: { apiKey: string; baseURL?: string; model: string; timeoutMs?: number }) {
    this.client = new Anthropic({ apiKey: options.apiKey, baseURL: options.baseURL, maxRetries: 1, timeout: options.timeoutMs ?? 60_000 });
    this.model = options.model;
    this.price = modelPrice(options.model);
  }

  async turn(request: ModelRequest): Promise<ModelTurn> {
    try {
      const stream = this.client.messages.stream(
        {
          model: this.model,
          max_tokens: request.maxTokens ?? MAX_OUTPUT_TOKENS,
          system: request.system,
          messages: request.messages as Anthropic.MessageParam[],
          ...(request.tools.length > 0 && { tools: request.tools as Anthropic.Tool[] }),
        },
        { signal: request.signal },
      );
      if (request.onText) stream.on("text", request.onText);
      const message = await stream.finalMessage();
      const content = message.content.flatMap((block): ContentBlock[] =>
        block.type === "text"
          ? [{ type: "text", text: block.text }]
          : block.type === "tool_use"
            ? [{ type: "tool_use", id: block.id, name: block.name, input: block.input }]
            : [],
      );
      const usage = message.usage;
      return {
        content,
        stopReason: message.stop_reason,
        usage: {
          inputTokens: usage.input_tokens,
          outputTokens: usage.output_tokens,
          cacheReadTokens: usage.cache_read_input_tokens ?? 0,
          cacheWriteTokens: usage.cache_creation_input_tokens ?? 0,
        },
      };
    } catch (error) {
      if (request.signal.aborted) throw error;
      throw toProviderError(error);
    }
  }
}

function toProviderError(error: unknown): ProviderError {
  if (error instanceof Anthropic.APIConnectionTimeoutError) return new ProviderError("The model provider did not answer in time.");
  if (error instanceof Anthropic.APIConnectionError) return new ProviderError("Could not reach the model provider.");
  if (error instanceof Anthropic.AuthenticationError || error instanceof Anthropic.PermissionDeniedError) {
    return new ProviderError(`The model provider rejected the API key (${error.status}).`, { rejectedKey: true });
  }
  if (error instanceof Anthropic.RateLimitError)
    return new ProviderError("The model provider is rate limiting requests (429). Try again later.");
  if (error instanceof Anthropic.APIError)
    return new ProviderError(`The model provider answered with an error (${error.status ?? "unknown status"}).`);
  return new ProviderError("The model provider failed unexpectedly.");
}
