// The conversation shapes agents and model providers exchange (Anthropic's Messages format).

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

export interface ModelTurn {
  content: ContentBlock[];
  stopReason: string | null;
}

export interface ModelRequest {
  system: string;
  messages: Message[];
  tools: ToolSpec[];
  signal: AbortSignal;
  /** Text as it streams in. */
  onText?: (delta: string) => void;
}

export interface ModelProvider {
  readonly name: "anthropic" | "offline";
  turn(request: ModelRequest): Promise<ModelTurn>;
}

/** A model provider failure, with a message fit to show the customer. */
export class ProviderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ProviderError";
  }
}
