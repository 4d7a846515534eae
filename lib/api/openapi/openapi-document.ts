// The OpenAPI 3.1 documents, generated from the operation registries with zod-openapi: the public API's
// (served at GET /api/v1/openapi.json) and the dashboard's own routes (for our tests and tools). Each is
// built once per process.
import { createDocument, type ZodOpenApiObject } from "zod-openapi";
import { toPaths, type ApiOperation } from "./api-operation";
import { DASHBOARD_OPERATIONS } from "./dashboard-operations";
import { V1_OPERATIONS } from "./v1-operations";

export type OpenApiDocument = ReturnType<typeof createDocument>;

const API_KEY_SCHEME = {
  type: "http",
  scheme: "bearer",
  bearerFormat: "ahq_live_…",
  description:
    "An API key from the dashboard, sent as `Authorization: Bearer ahq_live_…` (or `ahq_test_…`). Each operation names the scope it needs; a key's scopes are bounded by its creator's role.",
} as const;

const SESSION_SCHEME = {
  type: "apiKey",
  in: "cookie",
  name: "next-auth.session-token",
  description: "The session cookie next-auth sets at login (`__Secure-next-auth.session-token` over HTTPS).",
} as const;

function build(operations: ApiOperation[], base: Omit<ZodOpenApiObject, "openapi" | "paths">): OpenApiDocument {
  return createDocument({ openapi: "3.1.0", servers: [{ url: "/" }], ...base, paths: toPaths(operations) });
}

let v1: OpenApiDocument | undefined;
let dashboard: OpenApiDocument | undefined;

/** The public API, for customers' programs and the SDK. */
export function v1Document(): OpenApiDocument {
  v1 ??= build(V1_OPERATIONS, {
    info: {
      title: "AgentHQ API",
      version: "1",
      description:
        "The public API of AgentHQ. Errors are `application/problem+json`; every answer carries `X-Request-Id`, and every answer to an admitted call the `RateLimit-*` headers. This document is served at `GET /api/v1/openapi.json`.",
    },
    tags: [
      { name: "workspace", description: "The key's workspace." },
      { name: "agents", description: "Built-in agents and the workspace's own, versioned." },
      { name: "runs", description: "Running agents, their traces and live events." },
      { name: "usage", description: "Usage against the tier's limits." },
      { name: "webhooks", description: "Endpoints that receive signed events (Standard Webhooks)." },
      { name: "reference", description: "This document." },
    ],
    components: { securitySchemes: { apiKey: API_KEY_SCHEME } },
  });
  return v1;
}

/** The dashboard's own routes (session cookie), tagged `dashboard`: not a public contract. */
export function dashboardDocument(): OpenApiDocument {
  dashboard ??= build(DASHBOARD_OPERATIONS, {
    info: {
      title: "AgentHQ dashboard routes",
      version: "internal",
      description: "The routes the dashboard calls with its session cookie. Not a public contract.",
    },
    tags: [{ name: "dashboard", description: "Workspace-scoped routes of the dashboard." }],
    components: { securitySchemes: { session: SESSION_SCHEME } },
  });
  return dashboard;
}
