// Pricing model turns in integer micro-USD: Claude models from the price table (config/models.ts), a
// model connection's models at the prices its workspace gave them. A price in USD per
// million tokens is micro-USD per token, so cost = Σ tokens × price, summed exactly in pico-USD and
// rounded up once per turn (never billed below cost).
import { env } from "@/config/env";
import { priceTable, type ModelPrice } from "@/config/models";
import type { TokenUsage } from "./token-usage";

const PICO_PER_MICRO = 1_000_000;

/** The price of a model; throws for an unpriced one (config/env.ts refuses to start with one configured). */
export function modelPrice(model: string): ModelPrice {
  const price = priceTable(env.MODEL_PRICES)[model];
  if (!price) throw new Error(`The model ${model} has no price in config/models.ts or MODEL_PRICES.`);
  return price;
}

/** pico-USD per token: an integer, so sums stay exact. */
const pico = (usdPerMillion: number) => Math.round(usdPerMillion * PICO_PER_MICRO);

export function turnCostMicros(price: ModelPrice, usage: TokenUsage): number {
  const total =
    usage.inputTokens * pico(price.input) +
    usage.outputTokens * pico(price.output) +
    usage.cacheWriteTokens * pico(price.cacheWrite) +
    usage.cacheReadTokens * pico(price.cacheRead);
  return Math.ceil(total / PICO_PER_MICRO);
}

/**
 * The most a turn can cost: every input token at the dearest input rate (plain or cache write) and
 * every allowed output token.
 */
export function worstCaseMicros(price: ModelPrice, inputTokens: number, maxOutputTokens: number): number {
  const input = inputTokens * Math.max(pico(price.input), pico(price.cacheWrite));
  return Math.ceil((input + maxOutputTokens * pico(price.output)) / PICO_PER_MICRO);
}

/** How many output tokens fit in `micros` after the input's worst case. */
export function outputTokensWithin(price: ModelPrice, inputTokens: number, micros: number): number {
  const left = micros * PICO_PER_MICRO - inputTokens * Math.max(pico(price.input), pico(price.cacheWrite));
  return left <= 0 ? 0 : Math.floor(left / pico(price.output));
}
