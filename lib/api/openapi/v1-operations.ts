// The public API's operations (app/api/v1/**/route.ts), each with the schemas its handler parses and
// shapes with. A route added under app/api/v1 without its operation here fails lib/api/openapi/openapi.test.ts.
import { z } from "zod";
import { createAgentRequestSchema, updateAgentSchema } from "@/lib/agents/agent-definition";
import { agentListSchema, agentVersionListSchema, agentViewSchema } from "@/lib/agents/agent-schemas";
import {
  createRunSchema,
  listRunsQuerySchema,
  runAcceptedSchema,
  runDetailSchema,
  runsPageSchema,
  runViewSchema,
} from "@/lib/runs/schemas";
import { usageSummarySchema } from "@/lib/usage/usage-schema";
import { WEBHOOK_OPERATIONS } from "@/lib/webhooks/webhook-operations";
import { workspaceViewSchema } from "@/lib/workspaces/schemas";
import type { ApiOperation } from "./api-operation";

/** A path segment as the handler takes it: any text but a NUL or a lone surrogate (those are a 400). */
const idParams = (description: string) => z.object({ id: z.string().min(1).meta({ description }) });
const runId = idParams("The run's id.");
const agentId = idParams("The agent's id: a built-in agent's or one of the workspace's own.");

const workspace: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/workspace",
    operationId: "getWorkspace",
    summary: "The workspace the API key belongs to",
    tags: ["workspace"],
    caller: { kind: "key" },
    answers: { 200: { description: "The workspace.", schema: workspaceViewSchema } },
  },
];

const agents: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/agents",
    operationId: "listAgents",
    summary: "The built-in agents, then the workspace's own",
    tags: ["agents"],
    caller: { kind: "key" },
    answers: { 200: { description: "Every agent a run may name, each with its input schema.", schema: agentListSchema } },
  },
  {
    method: "post",
    path: "/api/v1/agents",
    operationId: "createAgent",
    summary: "Create an agent (version 1), or copy a built-in one with `{ template }`",
    tags: ["agents"],
    caller: { kind: "key", scope: "agents:write" },
    body: createAgentRequestSchema,
    answers: { 201: { description: "The new agent.", schema: agentViewSchema } },
    errors: ["conflict"],
  },
  {
    method: "get",
    path: "/api/v1/agents/{id}",
    operationId: "getAgent",
    summary: "An agent at its latest version",
    tags: ["agents"],
    caller: { kind: "key" },
    params: agentId,
    answers: { 200: { description: "The agent.", schema: agentViewSchema } },
    errors: ["not_found"],
  },
  {
    method: "patch",
    path: "/api/v1/agents/{id}",
    operationId: "updateAgent",
    summary: "Save a change to an agent as its next version",
    description: "Fields left out keep their value. A change that changes nothing answers the current version.",
    tags: ["agents"],
    caller: { kind: "key", scope: "agents:write" },
    params: agentId,
    body: updateAgentSchema,
    answers: { 200: { description: "The agent at its new version.", schema: agentViewSchema } },
    errors: ["not_found", "conflict"],
  },
  {
    method: "delete",
    path: "/api/v1/agents/{id}",
    operationId: "archiveAgent",
    summary: "Archive an agent",
    description: "Its versions and runs stay readable; new runs of it are refused.",
    tags: ["agents"],
    caller: { kind: "key", scope: "agents:write" },
    params: agentId,
    answers: { 200: { description: "The archived agent.", schema: agentViewSchema } },
    errors: ["not_found"],
  },
  {
    method: "get",
    path: "/api/v1/agents/{id}/versions",
    operationId: "listAgentVersions",
    summary: "Every saved version of an agent, newest first",
    tags: ["agents"],
    caller: { kind: "key" },
    params: agentId,
    answers: { 200: { description: "The versions.", schema: agentVersionListSchema } },
    errors: ["not_found"],
  },
];

const runs: ApiOperation[] = [
  {
    method: "post",
    path: "/api/v1/runs",
    operationId: "createRun",
    summary: "Start a run",
    description:
      'Name the agent as "<id>" (its latest version) or "<id>@<version>". The same `idempotencyKey` again answers 200 with the run it started.',
    tags: ["runs"],
    caller: { kind: "key", scope: "runs:write" },
    body: createRunSchema,
    answers: {
      200: { description: "The run an earlier request with this idempotencyKey started.", schema: runViewSchema },
      202: { description: "The run, queued.", schema: runAcceptedSchema },
    },
  },
  {
    method: "get",
    path: "/api/v1/runs",
    operationId: "listRuns",
    summary: "Runs, newest first",
    tags: ["runs"],
    caller: { kind: "key", scope: "runs:read" },
    query: listRunsQuerySchema,
    answers: { 200: { description: "A page of runs.", schema: runsPageSchema } },
  },
  {
    method: "get",
    path: "/api/v1/runs/{id}",
    operationId: "getRun",
    summary: "A run with its trace",
    tags: ["runs"],
    caller: { kind: "key", scope: "runs:read" },
    params: runId,
    answers: { 200: { description: "The run, with each model turn and tool call.", schema: runDetailSchema } },
    errors: ["not_found"],
  },
  {
    method: "get",
    path: "/api/v1/runs/{id}/events",
    operationId: "streamRunEvents",
    summary: "A run's events as server-sent events",
    description:
      "Events `status`, `log` and `output`, then `done`; each `data` is JSON and each event has an `id`. The stream replays what came after `Last-Event-ID`, ends after `done`, and may end earlier at its maximum lifetime: reconnect with `Last-Event-ID` then.",
    tags: ["runs"],
    caller: { kind: "key", scope: "runs:read" },
    params: runId,
    requestHeaders: z.object({
      "Last-Event-ID": z.string().optional().meta({ description: "The id of the last event received; ignored unless 1–18 digits." }),
    }),
    answers: { 200: { description: "The event stream.", contentType: "text/event-stream", schema: z.string() } },
    errors: ["not_found"],
  },
  {
    method: "post",
    path: "/api/v1/runs/{id}/cancel",
    operationId: "cancelRun",
    summary: "Cancel a queued or running run",
    description: "A queued run ends at once, a running one within a second; a finished run is answered unchanged.",
    tags: ["runs"],
    caller: { kind: "key", scope: "runs:write" },
    params: runId,
    answers: { 200: { description: "The run.", schema: runViewSchema } },
    errors: ["not_found"],
  },
];

const usage: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/usage",
    operationId: "getUsage",
    summary: "This period's usage against the tier's limits",
    tags: ["usage"],
    caller: { kind: "key", scope: "usage:read" },
    answers: { 200: { description: "The usage.", schema: usageSummarySchema } },
  },
];

const openApiDocumentSchema = z
  .looseObject({
    openapi: z.string().regex(/^3\.1\.\d+$/),
    info: z.looseObject({ title: z.string(), version: z.string() }),
    paths: z.record(z.string(), z.unknown()),
  })
  .meta({ description: "An OpenAPI 3.1 document." });

const reference: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "This document",
    tags: ["reference"],
    caller: { kind: "public" },
    answers: {
      200: {
        description: "The OpenAPI 3.1 document of the public API.",
        schema: openApiDocumentSchema,
        headers: { "Cache-Control": z.string().meta({ description: "`public, max-age=300`" }) },
      },
    },
  },
];

/** Every v1 operation, grouped by resource (the webhooks' are described next to their routes' code). */
export const V1_OPERATIONS: ApiOperation[] = [...workspace, ...agents, ...runs, ...usage, ...WEBHOOK_OPERATIONS, ...reference];
