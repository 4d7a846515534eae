// Inputs of the spend settings: an owner's monthly spend limit and the workspace's own provider key.
import { z } from "zod";

/** USD with at most 6 decimals (micro-dollars), as every amount on the API. */
export const usdAmountSchema = z
  .number({ error: "Give an amount in US dollars." })
  .positive("Use an amount above $0.")
  .max(1_000_000, "Use at most $1,000,000.")
  .refine((v) => Number.isInteger(Math.round(v * 1e6)) && Math.abs(v * 1e6 - Math.round(v * 1e6)) < 1e-6, "Use at most 6 decimals.");

/** An amount the API answers with: USD exact to 6 decimals, computed from integer micro-dollars. */
export const usdValueSchema = z.number().meta({ description: "USD, at most 6 decimals (exact micro-dollars)." });

export const spendLimitSchema = z.strictObject({
  /** null removes the limit (the tier's cap applies). */
  limitUsd: usdAmountSchema.nullable(),
});

export const providerKeySchema = z.strictObject({
  apiKey: z
    .string()
    .trim()
    .min(20, "That is too short for an Anthropic API key.")
    .max(300, "That is too long for an Anthropic API key.")
    .regex(/^[\x21-\x7e]+$/, "An API key has no spaces or special characters."),
});
