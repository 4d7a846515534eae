// Runs on the wire: the requests that start and list them, and the shapes the API answers with (each
// response is parsed through its schema on the way out, and the OpenAPI document is generated from them).
import { z } from "zod";
import { RunStatus } from "@/lib/generated/prisma/enums";
import { usdAmountSchema, usdValueSchema } from "@/lib/spend/schemas";

/** A run's statuses, in the order the schema declares them (queued, running, succeeded, failed, canceled). */
export const RUN_STATUSES = Object.values(RunStatus) as [RunStatus, ...RunStatus[]];

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

export const runStatusSchema = z.enum(RUN_STATUSES).meta({ id: "RunStatus" });

const billedToSchema = z
  .enum(["platform", "workspace"])
  .meta({ description: "Whose provider key paid for the model turns: AgentHQ's (platform) or the workspace's own." });

export const runUsageSchema = z
  .object({
    inputTokens: z.number().int(),
    outputTokens: z.number().int(),
    cacheReadTokens: z.number().int(),
    cacheWriteTokens: z.number().int(),
    costUsd: usdValueSchema,
    billedTo: billedToSchema,
  })
  .meta({ id: "RunUsage" });

export const runViewSchema = z
  .object({
    id: z.string(),
    agent: z.string().meta({ description: "The agent's id: a built-in agent or one of the workspace's own." }),
    agentVersion: z
      .number()
      .int()
      .min(1)
      .optional()
      .meta({ description: "The version of a workspace agent the run ran; absent for a built-in agent." }),
    status: runStatusSchema,
    input: z.unknown().meta({ description: "The input as the agent received it." }),
    output: z.unknown().optional(),
    error: z.string().optional(),
    agentSeconds: z.number().int(),
    provider: z.string().optional(),
    usage: runUsageSchema,
    maxCostUsd: usdValueSchema.optional(),
    createdAt: z.iso.datetime(),
    startedAt: z.iso.datetime().optional(),
    finishedAt: z.iso.datetime().optional(),
  })
  .meta({ id: "Run" });

/** POST /api/v1/runs answers 202 with this much of the new run; the same idempotencyKey again answers 200 with the whole run. */
export const runAcceptedSchema = z
  .object({ ...runViewSchema.pick({ id: true, agent: true, agentVersion: true, createdAt: true }).shape, status: z.literal("queued") })
  .meta({ id: "RunAccepted" });

export const traceToolCallSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    arguments: z.unknown(),
    result: z.string().nullable().meta({ description: "What the tool answered (its first 4,000 characters), or its error." }),
    isError: z.boolean(),
    durationMs: z.number().int().nullable(),
  })
  .meta({ id: "TraceToolCall" });

export const traceStepSchema = z
  .object({
    attempt: z.number().int(),
    turn: z.number().int(),
    provider: z.string(),
    model: z.string(),
    inputTokens: z.number().int(),
    outputTokens: z.number().int(),
    cacheReadTokens: z.number().int(),
    cacheWriteTokens: z.number().int(),
    costUsd: usdValueSchema,
    estimated: z.boolean(),
    billedTo: billedToSchema,
    latencyMs: z.number().int(),
    toolCalls: z.array(traceToolCallSchema),
    at: z.iso.datetime(),
  })
  .meta({ id: "TraceStep", description: "One model turn: its tokens, cost and latency, and the tool calls it asked for." });

export const runDetailSchema = z.object({ ...runViewSchema.shape, trace: z.array(traceStepSchema) }).meta({ id: "RunDetail" });

export const runsPageSchema = z
  .object({
    data: z.array(runViewSchema),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
  })
  .meta({ id: "RunsPage" });
