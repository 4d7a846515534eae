// The period's usage on the wire (GET /api/v1/usage and the dashboard's usage route): the schema the
// answer is parsed through and the OpenAPI document is generated from.
import { z } from "zod";
import { TIER_IDS } from "@/config/tiers";
import { usdValueSchema } from "@/lib/spend/schemas";
import type { UsageSummary } from "./get-usage";

const meter = (unit: string) =>
  z.object({
    used: z.number(),
    limit: z
      .number()
      .nullable()
      .meta({ description: `The tier's ${unit} (null: unlimited).` }),
  });

export const usageSummarySchema = z
  .object({
    periodStart: z.iso.datetime(),
    periodEnd: z.iso.datetime(),
    tier: z.enum(TIER_IDS),
    apiCalls: meter("API calls this period"),
    agentMinutes: meter("agent-minutes this period"),
    concurrentRuns: meter("runs at a time"),
    modelSpend: z
      .object({
        usedUsd: usdValueSchema,
        reservedUsd: usdValueSchema.meta({ description: "Held for runs in flight, settled when they finish." }),
        includedUsd: usdValueSchema.nullable().meta({ description: "What the tier includes (null: none)." }),
        capUsd: usdValueSchema.nullable().meta({ description: "The cap in force (null: none)." }),
        limitUsd: usdValueSchema.nullable().meta({ description: "The owner's own monthly limit (null: none)." }),
      })
      .meta({ description: "Model spend this period, in USD." }),
  })
  .meta({ id: "Usage" });

/** UsageSummary (get-usage.ts) and this schema describe the same shape: a field added to one alone fails to compile. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type UsageSchemaMatchesSummary = Assert<Same<z.infer<typeof usageSummarySchema>, UsageSummary>>;
