// The conversation shapes agents and model providers exchange (Anthropic's Messages format).
import type { ModelPrice } from "@/config/models";
import type { TokenUsage } from "@/lib/spend/token-usage";

export type ContentBlock =
  | { type: "text"; text: string }
  | { type: "tool_use"; id: string; name: string; input: unknown }
  | { type: "tool_result"; tool_use_id: string; content: string; is_error?: boolean };

export interface Message {
  role: "user" | "assistant";
  content: string | ContentBlock[];
}

export interface ToolSpec {
  name: string;
  description: string;
  input_schema: { type: "object"; properties: Record<string, unknown>; required?: string[] };
}

/** What a tool call answers the model: its text, and whether it failed (the run goes on either way). */
export interface ToolResult {
  content: string;
  isError: boolean;
}

export interface ModelTurn {
  content: ContentBlock[];
  stopReason: string | null;
  /** Tokens the provider reported for this turn (estimated by the offline provider). */
  usage: TokenUsage;
}

export interface ModelRequest {
  system: string;
  messages: Message[];
  tools: ToolSpec[];
  signal: AbortSignal;
  /** The most output tokens the turn may produce (default MAX_OUTPUT_TOKENS of config/models.ts). */
  maxTokens?: number;
  /** Text as it streams in. */
  onText?: (delta: string) => void;
}

export interface ModelProvider {
  readonly name: "anthropic" | "openai" | "offline";
  readonly model: string;
  /** What its turns cost: config/models.ts for Claude, the connection's own prices for other models. */
  readonly price: ModelPrice;
  /** True when usage is our estimate rather than the provider's report (the offline provider). */
  readonly estimatesUsage: boolean;
  turn(request: ModelRequest): Promise<ModelTurn>;
}

/** A model provider failure, with a message fit to show the customer. */
export class ProviderError extends Error {
  /** The provider refused the credentials (a workspace's own key that is wrong or revoked). */
  readonly rejectedKey: boolean;
  constructor(message: string, options: { rejectedKey?: boolean } = {}) {
    super(message);
    this.name = "ProviderError";
    this.rejectedKey = options.rejectedKey ?? false;
  }
}
