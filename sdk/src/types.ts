// The SDK's public types: names for the generated ones (schema.ts, from the API's OpenAPI document).
import type { components, operations } from "./schema.js";

type Schemas = components["schemas"];
type JsonBody<Op extends keyof operations> = operations[Op] extends { requestBody?: { content: { "application/json": infer B } } }
  ? B
  : never;

export type Workspace = Schemas["Workspace"];
export type Agent = Schemas["Agent"];
export type AgentVersion = Schemas["AgentVersion"];
export type Tool = Schemas["Tool"];
export type Run = Schemas["Run"];
/** A run with its trace: each model turn and the tool calls it made. */
export type RunDetail = Schemas["RunDetail"];
export type RunStatus = Schemas["RunStatus"];
export type RunAccepted = Schemas["RunAccepted"];
export type RunsPage = Schemas["RunsPage"];
export type TraceStep = Schemas["TraceStep"];
export type Usage = Schemas["Usage"];
export type Problem = Schemas["Problem"];
export type WebhookEndpoint = Schemas["WebhookEndpoint"];
/** An endpoint just registered: the one answer that carries its secret. */
export type CreatedWebhookEndpoint = Schemas["CreatedWebhookEndpoint"];
export type WebhookDelivery = Schemas["WebhookDelivery"];
export type RotatedWebhookSecret = Schemas["RotatedWebhookSecret"];
export type CreateWebhookRequest = JsonBody<"createWebhookEndpoint">;

export type CreateRunRequest = JsonBody<"createRun">;
export type ListRunsQuery = NonNullable<operations["listRuns"]["parameters"]["query"]>;
/** A new agent's definition (POST /api/v1/agents without `template`). */
export type AgentDefinition = Exclude<JsonBody<"createAgent">, { template: string }>;
export type AgentChange = JsonBody<"updateAgent">;

/** One event of a run's stream (GET /api/v1/runs/:id/events). */
export type RunEvent =
  | { id?: string; type: "status"; data: { status: RunStatus; error?: string; attempt?: number; provider?: string } }
  | { id?: string; type: "log"; data: { message: string; tool?: string; level?: string } }
  | {
      id?: string;
      type: "tool";
      data: { turn: number; tool: string; arguments: unknown; result: string; isError: boolean; durationMs: number };
    }
  | { id?: string; type: "output"; data: { text: string; turns: number; provider: string } }
  | { id?: string; type: "done"; data: { status: RunStatus } };
