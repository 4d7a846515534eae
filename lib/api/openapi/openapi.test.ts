// The OpenAPI documents are valid OpenAPI 3.1 (by an independent validator), describe every route the app
// serves under /api/v1 (read from the route files on disk), and accept real values of the views they describe.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { agentDefinitionSchema } from "@/lib/agents/agent-definition";
import { AGENTS } from "@/lib/agents/catalog";
import { agentView } from "@/lib/agents/workspace-agents";
import { AppError } from "@/lib/errors/app-error";
import { problemResponse } from "@/lib/http/problem";
import { toRunView, type RunRow } from "@/lib/runs/run-view";
import { dashboardDocument, v1Document } from "./openapi-document";

const ROOT = path.resolve(import.meta.dirname, "../../..");

/** "METHOD /path/{param}" for each HTTP method each route file under `dir` exports. */
function routesUnder(dir: string): string[] {
  const routes: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(path.join(ROOT, at), { withFileTypes: true })) {
      const child = `${at}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.name === "route.ts") {
        const urlPath = at.replace(/^app/, "").replace(/\[([^\]]+)\]/g, "{$1}");
        const source = readFileSync(path.join(ROOT, child), "utf8");
        for (const [, method] of source.matchAll(/^export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/gm))
          routes.push(`${method} ${urlPath}`);
      }
    }
  };
  walk(dir);
  return routes.sort();
}

function operationsOf(document: { paths?: Record<string, object> }): string[] {
  return Object.entries(document.paths ?? {})
    .flatMap(([urlPath, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${urlPath}`))
    .sort();
}

/**
 * v1 routes another change is adding, whose operations are not registered yet. Each entry must be a route
 * that exists and is not in the document: once its operation is registered this test fails until the
 * entry is removed, so the list only ever shrinks.
 */

/** Every value the documents describe validates against the document itself, with a JSON Schema 2020-12 validator. */
function componentValidator(document: object) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, formats: { "date-time": true, uri: true } });
  ajv.addSchema(document, "openapi.json");
  return (component: string, value: unknown) => {
    const validate = ajv.getSchema(`openapi.json#/components/schemas/${component}`)!;
    const valid = validate(value);
    return valid ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };
}

const runRow: RunRow = {
  id: "run_1",
  agent: "order-helper",
  agentVersion: 2,
  status: "succeeded",
  input: { question: "Where is 42?" },
  output: { text: "On its way." },
  error: null,
  agentSeconds: 3,
  provider: "anthropic",
  inputTokens: 120,
  outputTokens: 40,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
  costMicros: 1_234n,
  billedTo: "platform",
  maxCostMicros: 500_000n,
  createdAt: new Date("2026-12-01T10:00:00Z"),
  startedAt: new Date("2026-12-01T10:00:01Z"),
  finishedAt: new Date("2026-12-01T10:00:04Z"),
};

const traceStep = {
  attempt: 1,
  turn: 1,
  provider: "anthropic",
  model: "claude-sonnet-4-6",
  inputTokens: 120,
  outputTokens: 40,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
  costUsd: 0.001234,
  estimated: false,
  billedTo: "platform",
  latencyMs: 800,
  toolCalls: [
    { id: "call_1", name: "lookup_order", arguments: { id: 42 }, result: '{"status":"shipped"}', isError: false, durationMs: 35 },
  ],
  at: "2026-12-01T10:00:02.000Z",
};

describe("the v1 OpenAPI document", () => {
  const document = v1Document();

  it("is valid OpenAPI 3.1", async () => {
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(JSON.stringify(document)));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("describes every method every app/api/v1 route file exports, and nothing they do not", () => {
    const routes = routesUnder("app/api/v1");
    const documented = operationsOf(document);
    expect(routes.filter((r) => !documented.includes(r))).toEqual([]);
    expect(documented.filter((o) => !routes.includes(o))).toEqual([]);
    expect(routes).toContain("GET /api/v1/openapi.json");
  });

  it("has the key's scope, the problem answers and the headers of the contract on each operation", () => {
    for (const [urlPath, item] of Object.entries(document.paths ?? {})) {
      for (const [method, operation] of Object.entries(
        item as Record<string, { security?: object[]; responses: Record<string, { $ref?: string; headers?: Record<string, unknown> }> }>,
      )) {
        const name = `${method} ${urlPath}`;
        if (urlPath === "/api/v1/openapi.json") {
          expect(operation.security, name).toEqual([]);
          continue;
        }
        expect(operation.security?.[0], name).toHaveProperty("apiKey");
        for (const status of ["400", "401", "429", "500"])
          expect(operation.responses[status]?.$ref, `${name} ${status}`).toMatch(/^#\/components\/responses\//);
        for (const [status, answer] of Object.entries(operation.responses).filter(([s]) => s.startsWith("2"))) {
          expect(Object.keys(answer.headers ?? {}), `${name} ${status}`).toEqual(
            expect.arrayContaining(["X-Request-Id", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"]),
          );
        }
      }
    }
    const responses = document.components?.responses as Record<string, { headers: Record<string, unknown> }>;
    expect(Object.keys(responses.RateLimited!.headers)).toEqual(
      expect.arrayContaining(["Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "X-Request-Id"]),
    );
    expect(Object.keys(responses.Unauthorized!.headers)).toEqual(["X-Request-Id", "WWW-Authenticate"]);
    expect(document.components?.securitySchemes?.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("accepts real views: a run from its row, a run with its trace, built-in agents, a version, usage, a workspace, a problem", async () => {
    const problems = componentValidator(document);
    const run = toRunView(runRow);
    expect(problems("Run", run)).toEqual([]);
    expect(
      problems(
        "Run",
        toRunView({
          ...runRow,
          agentVersion: null,
          output: null,
          provider: null,
          maxCostMicros: null,
          startedAt: null,
          finishedAt: null,
          status: "queued",
        }),
      ),
    ).toEqual([]);
    expect(problems("RunDetail", { ...run, trace: [traceStep] })).toEqual([]);
    expect(problems("RunsPage", { data: [run], nextCursor: null })).toEqual([]);
    expect(problems("RunAccepted", { id: run.id, status: "queued", agent: run.agent, agentVersion: 2, createdAt: run.createdAt })).toEqual(
      [],
    );

    expect(problems("Agent", agentView(AGENTS[0]!))).toEqual([]);
    expect(problems("AgentList", { data: AGENTS.map((a) => agentView(a)) })).toEqual([]);
    const definition = agentDefinitionSchema.parse({ name: "Order helper", instructions: "Answer about orders." });
    expect(problems("AgentVersion", { version: 1, createdAt: "2026-12-01T10:00:00.000Z", createdById: null, definition })).toEqual([]);

    const usage = {
      periodStart: "2026-12-01T00:00:00.000Z",
      periodEnd: "2027-01-01T00:00:00.000Z",
      tier: "free",
      apiCalls: { used: 3, limit: 10_000 },
      agentMinutes: { used: 0.5, limit: 60 },
      concurrentRuns: { used: 0, limit: 1 },
      modelSpend: { usedUsd: 0.012345, reservedUsd: 0, includedUsd: 1, capUsd: 1, limitUsd: null },
    };
    expect(problems("Usage", usage)).toEqual([]);
    expect(problems("Workspace", { id: "w1", slug: "acme", name: "Acme", tier: "pro", status: "paused", pausedReason: "quota" })).toEqual(
      [],
    );

    const answer = problemResponse(
      new AppError("invalid_request", "Bad.", { fieldErrors: [{ path: "agent", message: "Unknown agent." }] }),
      "req-1",
    );
    expect(problems("Problem", await answer.json())).toEqual([]);
  });

  it("refuses what the API must not send: an internal column, a status outside the list, a missing field", () => {
    const problems = componentValidator(document);
    const run = toRunView(runRow);
    expect(problems("Run", { ...run, workspaceId: "w1" })).not.toEqual([]);
    expect(problems("Run", { ...run, status: "paused" })).not.toEqual([]);
    const { usage: _, ...withoutUsage } = run;
    expect(problems("Run", withoutUsage)).not.toEqual([]);
    expect(problems("Agent", { ...agentView(AGENTS[0]!), instructions: undefined })).not.toEqual([]);
  });

  it("is served by GET /api/v1/openapi.json, cacheable, with a request id", async () => {
    const { GET } = await import("@/app/api/v1/openapi.json/route");
    const response = await GET(new Request("http://test/api/v1/openapi.json", { headers: { "x-request-id": "doc-1" } }), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("x-request-id")).toBe("doc-1");
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(document)));
    expect(document.paths?.["/api/v1/openapi.json"]?.get?.security).toEqual([]);
  });
});

describe("the dashboard's OpenAPI document", () => {
  const document = dashboardDocument();

  it("is valid OpenAPI 3.1", async () => {
    const result = await new Validator().validate(JSON.parse(JSON.stringify(document)));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
  });

  it("describes every method of the workspace's runs, keys, agents and usage routes, and only routes that exist", () => {
    const routes = routesUnder("app/api/workspaces");
    const covered = routes.filter((r) => /^\w+ \/api\/workspaces\/\{slug\}\/(runs|keys|agents|usage)(\/|$)/.test(r));
    const documented = operationsOf(document);
    expect(covered.filter((r) => !documented.includes(r))).toEqual([]);
    expect(documented.filter((o) => !routes.includes(o))).toEqual([]);
  });
});
