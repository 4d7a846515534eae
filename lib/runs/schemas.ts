import { z } from "zod";
import { usdAmountSchema } from "@/lib/spend/schemas";

export const RUN_STATUSES = ["queued", "running", "succeeded", "failed", "canceled"] as const;

export const createRunSchema = z.strictObject({
  agent: z.string().trim().min(1, "Choose an agent.").max(60),
  input: z.unknown().refine((v) => v !== undefined, "Give the agent its input."),
  idempotencyKey: z.string().trim().min(1).max(200).optional(),
  /** The most this run may spend on model turns, in USD; its turns are kept within it. */
  maxCostUsd: usdAmountSchema.optional(),
});
export type CreateRunInput = z.infer<typeof createRunSchema>;

export const listRunsQuerySchema = z.strictObject({
  status: z.enum(RUN_STATUSES).optional(),
  agent: z.string().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(100).optional(),
});
export type ListRunsQuery = z.infer<typeof listRunsQuerySchema>;
