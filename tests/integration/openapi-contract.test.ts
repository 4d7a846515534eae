// The v1 handlers on the real database answer as their OpenAPI document says: each answer, success or
// problem, is checked with the same contract check the API tests apply to every answer (e2e/support/contract.ts).
import { describe, expect, it } from "vitest";
import { checkAgainstContract, type ContractResponse } from "@/e2e/support/contract";
import { createApiKey } from "@/lib/api-keys/manage-keys";
import { v1Document } from "@/lib/api/openapi/openapi-document";
import { createTeam } from "../support/workspace-fixture";

const workspaceRoute = await import("@/app/api/v1/workspace/route");
const agentsRoute = await import("@/app/api/v1/agents/route");
const agentRoute = await import("@/app/api/v1/agents/[id]/route");
const versionsRoute = await import("@/app/api/v1/agents/[id]/versions/route");
const runsRoute = await import("@/app/api/v1/runs/route");
const runRoute = await import("@/app/api/v1/runs/[id]/route");
const cancelRoute = await import("@/app/api/v1/runs/[id]/cancel/route");
const usageRoute = await import("@/app/api/v1/usage/route");
const documentRoute = await import("@/app/api/v1/openapi.json/route");

type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

/** Calls a handler as Next would, checks its answer against the document, and returns it. */
async function call(
  handler: Handler,
  method: string,
  url: string,
  options: { key?: string; params?: Record<string, string>; body?: unknown; contentType?: string } = {},
) {
  const headers: Record<string, string> = {};
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  if (options.body !== undefined) headers["content-type"] = options.contentType ?? "application/json";
  const full = `http://test${url}`;
  const request = new Request(full, {
    method,
    headers,
    ...(options.body !== undefined && { body: typeof options.body === "string" ? options.body : JSON.stringify(options.body) }),
  });
  const response = await handler(request, { params: Promise.resolve((options.params ?? {}) as never) });
  const text = await response.text();
  await checkAgainstContract(method, new URL(full).pathname, adapt(response.status, response.headers, text, full), v1Document());
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

function adapt(status: number, headers: Headers, text: string, url: string): ContractResponse {
  return { status: () => status, headers: () => Object.fromEntries(headers), text: async () => text, url: () => url };
}

async function keyedTeam() {
  const team = await createTeam("pro");
  const { key } = await createApiKey(team.as("owner"), { name: "contract" });
  const { key: runsOnly } = await createApiKey(team.as("owner"), { name: "runs only", scopes: ["runs:read"] });
  return { team, key, runsOnly };
}

describe("the v1 handlers keep the OpenAPI contract", () => {
  it("in every success answer: workspace, agents and their versions, runs, usage, the document", async () => {
    const { key } = await keyedTeam();
    expect((await call(workspaceRoute.GET, "GET", "/api/v1/workspace", { key })).status).toBe(200);
    expect((await call(agentsRoute.GET, "GET", "/api/v1/agents", { key })).status).toBe(200);

    const definition = {
      name: "Order helper",
      instructions: "Answer about orders.",
      inputSchema: { type: "object", properties: { question: { type: "string" } }, required: ["question"] },
    };
    expect((await call(agentsRoute.POST, "POST", "/api/v1/agents", { key, body: definition })).status).toBe(201);
    const params = { id: "order-helper" };
    expect(
      (await call(agentRoute.PATCH, "PATCH", "/api/v1/agents/order-helper", { key, params, body: { instructions: "Version two." } })).body,
    ).toMatchObject({ version: 2 });
    expect((await call(agentRoute.GET, "GET", "/api/v1/agents/order-helper", { key, params })).status).toBe(200);
    expect((await call(versionsRoute.GET, "GET", "/api/v1/agents/order-helper/versions", { key, params })).status).toBe(200);

    const started = await call(runsRoute.POST, "POST", "/api/v1/runs", {
      key,
      body: { agent: "order-helper@1", input: { question: "Where is 42?" }, idempotencyKey: "order-42" },
    });
    expect(started).toMatchObject({ status: 202, body: { status: "queued", agentVersion: 1 } });
    const again = await call(runsRoute.POST, "POST", "/api/v1/runs", {
      key,
      body: { agent: "order-helper@1", input: { question: "Where is 42?" }, idempotencyKey: "order-42" },
    });
    expect(again).toMatchObject({ status: 200, body: { id: started.body!.id, usage: { costUsd: 0 } } });
    const runId = { id: String(started.body!.id) };
    expect((await call(runRoute.GET, "GET", `/api/v1/runs/${runId.id}`, { key, params: runId })).body).toMatchObject({ trace: [] });
    expect((await call(runsRoute.GET, "GET", "/api/v1/runs?status=queued&limit=5", { key })).body).toMatchObject({ nextCursor: null });
    expect((await call(cancelRoute.POST, "POST", `/api/v1/runs/${runId.id}/cancel`, { key, params: runId })).body).toMatchObject({
      status: "canceled",
    });

    expect((await call(agentRoute.DELETE, "DELETE", "/api/v1/agents/order-helper", { key, params })).body).toMatchObject({
      archived: true,
    });
    expect((await call(usageRoute.GET, "GET", "/api/v1/usage", { key })).status).toBe(200);
    expect((await call(documentRoute.GET, "GET", "/api/v1/openapi.json")).status).toBe(200);
  });

  it("in its problem answers: 400, 401, 403, 404, 409, 415", async () => {
    const { key, runsOnly } = await keyedTeam();
    expect((await call(workspaceRoute.GET, "GET", "/api/v1/workspace")).status).toBe(401);
    expect((await call(usageRoute.GET, "GET", "/api/v1/usage", { key: runsOnly })).status).toBe(403);
    expect((await call(runRoute.GET, "GET", "/api/v1/runs/run_missing", { key, params: { id: "run_missing" } })).status).toBe(404);
    expect((await call(runsRoute.GET, "GET", "/api/v1/runs?limit=1000", { key })).status).toBe(400);
    const unknownAgent = await call(runsRoute.POST, "POST", "/api/v1/runs", { key, body: { agent: "astrologer", input: {} } });
    expect(unknownAgent).toMatchObject({ status: 400, body: { errors: [{ path: "agent", message: "Unknown agent." }] } });
    expect((await call(runsRoute.POST, "POST", "/api/v1/runs", { key, body: "agent=x", contentType: "text/plain" })).status).toBe(415);
    const definition = { id: "twice", name: "Twice", instructions: "x" };
    expect((await call(agentsRoute.POST, "POST", "/api/v1/agents", { key, body: definition })).status).toBe(201);
    expect((await call(agentsRoute.POST, "POST", "/api/v1/agents", { key, body: { ...definition, name: "Twice again" } })).status).toBe(
      409,
    );
  });
});

describe("the contract check", () => {
  const document = v1Document();
  const v1Headers = {
    "x-request-id": "r1",
    "ratelimit-limit": "60",
    "ratelimit-remaining": "59",
    "ratelimit-reset": "30",
    "content-type": "application/json",
  };
  const check = (method: string, path: string, status: number, headers: Record<string, string>, body: unknown) =>
    checkAgainstContract(method, path, adapt(status, new Headers(headers), JSON.stringify(body), `http://test${path}`), document);
  const workspace = { id: "w1", slug: "acme", name: "Acme", tier: "pro", status: "active" };

  it("accepts an answer that fits, matching concrete paths to templated ones", async () => {
    await check("GET", "/api/v1/workspace", 200, v1Headers, workspace);
    await check("GET", "/api/v1/runs/run_1/events", 200, { ...v1Headers, "content-type": "text/event-stream" }, "");
    // Not served, not documented: Next's own answers.
    await check("PUT", "/api/v1/workspace", 405, {}, "");
    await check("GET", "/api/v1/nope", 404, { "content-type": "text/html" }, "");
  });

  it("refuses a body off the schema, a missing header, an undocumented status or content type, an undocumented route that answers", async () => {
    await expect(check("GET", "/api/v1/workspace", 200, v1Headers, { ...workspace, secret: "x" })).rejects.toThrow(/additional properties/);
    await expect(check("GET", "/api/v1/workspace", 200, v1Headers, { ...workspace, tier: "gold" })).rejects.toThrow(/allowed values/);
    const { "ratelimit-remaining": _, ...withoutRemaining } = v1Headers;
    await expect(check("GET", "/api/v1/workspace", 200, withoutRemaining, workspace)).rejects.toThrow(
      /RateLimit-Remaining header is missing/,
    );
    await expect(check("GET", "/api/v1/workspace", 200, { ...v1Headers, "ratelimit-reset": "soon" }, workspace)).rejects.toThrow(
      /RateLimit-Reset header/,
    );
    await expect(check("GET", "/api/v1/workspace", 201, v1Headers, workspace)).rejects.toThrow(/status 201 is not documented/);
    await expect(check("GET", "/api/v1/workspace", 200, { ...v1Headers, "content-type": "text/plain" }, workspace)).rejects.toThrow(
      /content type/,
    );
    await expect(check("PUT", "/api/v1/workspace", 200, v1Headers, workspace)).rejects.toThrow(/not in the OpenAPI document/);
    const problem = {
      type: "https://agenthq.dev/errors/rate_limited",
      title: "Too many requests",
      status: 429,
      code: "rate_limited",
      detail: "Slow down.",
      requestId: "r1",
    };
    const problemHeaders = { ...v1Headers, "content-type": "application/problem+json" };
    await expect(check("GET", "/api/v1/workspace", 429, problemHeaders, problem)).rejects.toThrow(/Retry-After header is missing/);
    await check("GET", "/api/v1/workspace", 429, { ...problemHeaders, "retry-after": "12" }, problem);
    await expect(check("GET", "/api/v1/runs/run_1", 404, problemHeaders, problem)).rejects.toThrow(
      /problem's status 429 is not the answer's 404/,
    );
  });

  it("leaves other paths alone", async () => {
    await check("GET", "/api/workspaces/acme", 401, {}, "anything");
  });
});
