// Model prices: USD per million tokens, Anthropic's list prices for the Claude models AgentHQ supports.
// Negotiated rates override them with MODEL_PRICES (JSON, same shape, merged per model). A configured
// model without a price is a start-up error (config/env.ts), never billed at 0.
import { z } from "zod";

export interface ModelPrice {
  /** USD per million input tokens. */
  input: number;
  /** USD per million output tokens. */
  output: number;
  /** USD per million tokens written to the prompt cache (5-minute cache). */
  cacheWrite: number;
  /** USD per million tokens read from the prompt cache. */
  cacheRead: number;
}

export const LIST_PRICES: Record<string, ModelPrice> = {
  "claude-opus-4-6": { input: 5, output: 25, cacheWrite: 6.25, cacheRead: 0.5 },
  "claude-sonnet-4-6": { input: 3, output: 15, cacheWrite: 3.75, cacheRead: 0.3 },
  "claude-opus-4-5": { input: 5, output: 25, cacheWrite: 6.25, cacheRead: 0.5 },
  "claude-opus-4-1": { input: 15, output: 75, cacheWrite: 18.75, cacheRead: 1.5 },
  "claude-sonnet-4-5": { input: 3, output: 15, cacheWrite: 3.75, cacheRead: 0.3 },
  "claude-sonnet-4": { input: 3, output: 15, cacheWrite: 3.75, cacheRead: 0.3 },
  "claude-haiku-4-5": { input: 1, output: 5, cacheWrite: 1.25, cacheRead: 0.1 },
  "claude-3-5-haiku": { input: 0.8, output: 4, cacheWrite: 1, cacheRead: 0.08 },
};

const usdPerMillion = z.number().min(0).max(10_000);
export const modelPricesSchema = z.record(
  z.string().min(1).max(100),
  z.strictObject({ input: usdPerMillion, output: usdPerMillion, cacheWrite: usdPerMillion, cacheRead: usdPerMillion }),
);

/** The models of the server-wide OpenAI-compatible connection (OPENAI_MODELS), USD per million tokens. */
export const serverModelsSchema = z.record(
  z.string().regex(/^[A-Za-z0-9._:/@-]{1,200}$/),
  z.strictObject({ input: usdPerMillion, output: usdPerMillion, cachedInput: usdPerMillion.optional() }),
);

/** Output tokens a model turn may produce (its `max_tokens`): the output half of a turn's worst case. */
export const MAX_OUTPUT_TOKENS = 2048;

/** A turn allowed fewer output tokens than this is not worth sending: the run stops at its budget instead. */
export const MIN_OUTPUT_TOKENS = 64;

/** The price table in force: list prices, with the overrides merged over them. */
export function priceTable(overrides: Record<string, ModelPrice> = {}): Record<string, ModelPrice> {
  return { ...LIST_PRICES, ...overrides };
}
