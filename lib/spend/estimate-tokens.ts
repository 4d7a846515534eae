// Token counts without asking the provider. Claude's tokenizer works on UTF-8 bytes and no token is
// shorter than one byte, so a request's bytes (plus a margin per message for the framing the API adds)
// bound its input tokens from above: that is what a turn reserves. The offline provider reports the
// usual ~4 bytes per token instead, labelled as estimated.
import type { ModelRequest } from "@/lib/agents/model-types";

/** Framing tokens the Messages API adds per message and per tool definition, generously. */
const FRAMING_TOKENS = 16;

const bytes = (value: unknown) => Buffer.byteLength(typeof value === "string" ? value : JSON.stringify(value), "utf8");

/** An upper bound of the request's input tokens. */
export function inputTokensUpperBound(request: Pick<ModelRequest, "system" | "messages" | "tools">): number {
  const framing = FRAMING_TOKENS * (1 + request.messages.length + request.tools.length);
  return bytes(request.system) + request.messages.reduce((sum, m) => sum + bytes(m.content), 0) + bytes(request.tools) + framing;
}

/** A typical token count for text (about 4 bytes a token), for estimated usage. */
export function typicalTokens(value: unknown): number {
  return Math.ceil(bytes(value) / 4);
}
