// The dashboard's own workspace-scoped routes (app/api/workspaces/[slug]/…) that mirror the public API:
// runs, API keys, agents and usage. A member's session instead of a key; the same schemas.
import { z } from "zod";
import { createAgentRequestSchema, updateAgentSchema } from "@/lib/agents/agent-definition";
import { agentListSchema, agentVersionListSchema, agentViewSchema } from "@/lib/agents/agent-schemas";
import { apiKeyListSchema, apiKeyViewSchema, createdApiKeySchema, createKeySchema } from "@/lib/api-keys/schemas";
import { createRunSchema, listRunsQuerySchema, runDetailSchema, runsPageSchema, runViewSchema } from "@/lib/runs/schemas";
import { usageSummarySchema } from "@/lib/usage/usage-schema";
import type { ApiOperation } from "./api-operation";

const slug = z.string().min(1).meta({ description: "The workspace's slug." });
const inWorkspace = z.object({ slug });
const withId = (description: string) => z.object({ slug, id: z.string().min(1).meta({ description }) });
const run = withId("The run's id.");
const key = withId("The API key's id.");
const agent = withId("The agent's id.");

type DashboardOperation = Omit<ApiOperation, "tags">;

const operations: DashboardOperation[] = [
  {
    method: "get",
    path: "/runs",
    operationId: "listWorkspaceRuns",
    summary: "Runs, newest first",
    caller: { kind: "session", permission: "runs:read" },
    params: inWorkspace,
    query: listRunsQuerySchema,
    answers: { 200: { description: "A page of runs.", schema: runsPageSchema } },
  },
  {
    method: "post",
    path: "/runs",
    operationId: "createWorkspaceRun",
    summary: "Start a run from the dashboard",
    caller: { kind: "session", permission: "runs:write" },
    params: inWorkspace,
    body: createRunSchema,
    answers: {
      200: { description: "The run an earlier request with this idempotencyKey started.", schema: runViewSchema },
      202: { description: "The run, queued.", schema: runViewSchema },
    },
    errors: ["quota_exceeded", "workspace_paused", "rate_limited"],
  },
  {
    method: "get",
    path: "/runs/{id}",
    operationId: "getWorkspaceRun",
    summary: "A run with its trace",
    caller: { kind: "session", permission: "runs:read" },
    params: run,
    answers: { 200: { description: "The run.", schema: runDetailSchema } },
  },
  {
    method: "get",
    path: "/runs/{id}/events",
    operationId: "streamWorkspaceRunEvents",
    summary: "A run's live events (server-sent events)",
    caller: { kind: "session", permission: "runs:read" },
    params: run,
    requestHeaders: z.object({ "Last-Event-ID": z.string().optional() }),
    answers: { 200: { description: "The event stream.", contentType: "text/event-stream", schema: z.string() } },
    errors: ["rate_limited"],
  },
  {
    method: "post",
    path: "/runs/{id}/cancel",
    operationId: "cancelWorkspaceRun",
    summary: "Cancel a run",
    caller: { kind: "session", permission: "runs:write" },
    params: run,
    answers: { 200: { description: "The run.", schema: runViewSchema } },
  },
  {
    method: "get",
    path: "/keys",
    operationId: "listApiKeys",
    summary: "API keys (a member sees their own)",
    caller: { kind: "session", permission: "keys:read" },
    params: inWorkspace,
    answers: { 200: { description: "The keys.", schema: apiKeyListSchema } },
  },
  {
    method: "post",
    path: "/keys",
    operationId: "createApiKey",
    summary: "Create an API key; its secret is shown this once",
    caller: { kind: "session", permission: "keys:create" },
    params: inWorkspace,
    body: createKeySchema,
    answers: { 201: { description: "The key, with its secret.", schema: createdApiKeySchema } },
  },
  {
    method: "delete",
    path: "/keys/{id}",
    operationId: "revokeApiKey",
    summary: "Revoke an API key",
    caller: { kind: "session", permission: "keys:create" },
    params: key,
    answers: { 200: { description: "The revoked key.", schema: apiKeyViewSchema } },
    errors: ["conflict"],
  },
  {
    method: "get",
    path: "/agents",
    operationId: "listWorkspaceAgents",
    summary: "Built-in agents, then the workspace's own (archived ones too)",
    caller: { kind: "session", permission: "workspace:read" },
    params: inWorkspace,
    answers: { 200: { description: "The agents.", schema: agentListSchema } },
  },
  {
    method: "post",
    path: "/agents",
    operationId: "createWorkspaceAgent",
    summary: "Create an agent, or copy a built-in one",
    caller: { kind: "session", permission: "agents:write" },
    params: inWorkspace,
    body: createAgentRequestSchema,
    answers: { 201: { description: "The new agent.", schema: agentViewSchema } },
    errors: ["conflict"],
  },
  {
    method: "get",
    path: "/agents/{id}",
    operationId: "getWorkspaceAgent",
    summary: "An agent at its latest version",
    caller: { kind: "session", permission: "workspace:read" },
    params: agent,
    answers: { 200: { description: "The agent.", schema: agentViewSchema } },
  },
  {
    method: "patch",
    path: "/agents/{id}",
    operationId: "updateWorkspaceAgent",
    summary: "Save a change to an agent as its next version",
    caller: { kind: "session", permission: "agents:write" },
    params: agent,
    body: updateAgentSchema,
    answers: { 200: { description: "The agent at its new version.", schema: agentViewSchema } },
    errors: ["conflict"],
  },
  {
    method: "delete",
    path: "/agents/{id}",
    operationId: "archiveWorkspaceAgent",
    summary: "Archive an agent",
    caller: { kind: "session", permission: "agents:write" },
    params: agent,
    answers: { 200: { description: "The archived agent.", schema: agentViewSchema } },
  },
  {
    method: "get",
    path: "/agents/{id}/versions",
    operationId: "listWorkspaceAgentVersions",
    summary: "An agent's versions, newest first",
    caller: { kind: "session", permission: "workspace:read" },
    params: agent,
    answers: { 200: { description: "The versions.", schema: agentVersionListSchema } },
  },
  {
    method: "get",
    path: "/usage",
    operationId: "getWorkspaceUsage",
    summary: "This period's usage against the tier's limits",
    caller: { kind: "session", permission: "usage:read" },
    params: inWorkspace,
    answers: { 200: { description: "The usage.", schema: usageSummarySchema } },
  },
];

export const DASHBOARD_OPERATIONS: ApiOperation[] = operations.map((o) => ({
  ...o,
  path: `/api/workspaces/{slug}${o.path}`,
  tags: ["dashboard"],
}));
