// One HTTP operation as the OpenAPI documents describe it, and how it becomes a path item: who may call it,
// the zod schemas its handler parses the parameters and body with, the zod schemas it shapes its answers
// with (jsonOf), and the problem+json errors its kind of caller can meet, each with the headers it carries.
import type { z } from "zod";
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject, ZodOpenApiResponseObject } from "zod-openapi";
import type { ApiScope } from "@/lib/api-keys/schemas";
import { ERROR_STATUS, type ErrorCode } from "@/lib/errors/app-error";
import type { Permission } from "@/lib/members/permissions";
import { errorResponse, requestIdParameter, successHeaders, type CallerKind } from "./api-responses";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";
export const HTTP_METHODS: HttpMethod[] = ["get", "post", "put", "patch", "delete"];

/** Who may call: an API key (with a scope, or any valid key), a signed-in member, or anyone. */
export type Caller = { kind: "key"; scope?: ApiScope } | { kind: "session"; permission: Permission } | { kind: "public" };

export interface ApiAnswer {
  description: string;
  /** The body: for JSON, the schema the handler shapes it with. */
  schema: z.ZodType;
  /** Default application/json. */
  contentType?: string;
  /** Headers beyond the ones every answer of the caller's kind carries. */
  headers?: Record<string, z.ZodType>;
}

export interface ApiOperation {
  method: HttpMethod;
  /** As OpenAPI writes it: /api/v1/runs/{id}. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  caller: Caller;
  params?: z.ZodObject;
  query?: z.ZodObject;
  requestHeaders?: z.ZodObject;
  /** A JSON body, parsed with this schema (readJson). */
  body?: z.ZodType;
  answers: Record<number, ApiAnswer>;
  /** Errors of this operation beyond those every operation of its kind of caller can answer. */
  errors?: ErrorCode[];
}

/** What any operation of a kind of caller can answer, whatever it does. */
const COMMON_ERRORS: Record<CallerKind, ErrorCode[]> = {
  // A hostile URL (400) is refused before the key is read; then the key (401), the tier's rate limit (429),
  // a paused workspace (423) and the API-call quota (402, or 423 when reaching it pauses the workspace).
  key: ["invalid_request", "unauthorized", "quota_exceeded", "workspace_paused", "rate_limited", "internal", "unavailable"],
  // A workspace the caller is not a member of is 404, like one that does not exist.
  session: ["invalid_request", "unauthorized", "forbidden", "not_found", "internal", "unavailable"],
  public: ["invalid_request", "internal"],
};

function errorsOf(operation: ApiOperation): ErrorCode[] {
  const codes = new Set<ErrorCode>([...COMMON_ERRORS[operation.caller.kind], ...(operation.errors ?? [])]);
  if (operation.caller.kind === "key" && operation.caller.scope) codes.add("forbidden");
  if (operation.body) ["invalid_request", "payload_too_large", "unsupported_media_type"].forEach((c) => codes.add(c as ErrorCode));
  return [...codes].sort((a, b) => ERROR_STATUS[a] - ERROR_STATUS[b]);
}

function securityOf(caller: Caller): ZodOpenApiOperationObject["security"] {
  if (caller.kind === "key") return [{ apiKey: caller.scope ? [caller.scope] : [] }];
  if (caller.kind === "session") return [{ session: [] }];
  return [];
}

function describeCaller(caller: Caller): string {
  if (caller.kind === "key") return caller.scope ? `API key scope: \`${caller.scope}\`.` : "Any valid API key.";
  if (caller.kind === "session") return `A signed-in member whose role has \`${caller.permission}\`.`;
  return "No credentials.";
}

function toOperation(operation: ApiOperation): ZodOpenApiOperationObject {
  const kind = operation.caller.kind;
  const responses: Record<string, ZodOpenApiResponseObject> = {};
  for (const [status, answer] of Object.entries(operation.answers)) {
    responses[status] = {
      description: answer.description,
      headers: successHeaders(kind, answer.headers),
      content: { [answer.contentType ?? "application/json"]: { schema: answer.schema } },
    };
  }
  for (const code of errorsOf(operation)) responses[String(ERROR_STATUS[code])] = errorResponse(kind, code);
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    description: [operation.description, describeCaller(operation.caller)].filter(Boolean).join("\n\n"),
    tags: operation.tags,
    security: securityOf(operation.caller),
    parameters: [requestIdParameter],
    requestParams: {
      ...(operation.params && { path: operation.params }),
      ...(operation.query && { query: operation.query }),
      ...(operation.requestHeaders && { header: operation.requestHeaders }),
    },
    ...(operation.body && { requestBody: { required: true, content: { "application/json": { schema: operation.body } } } }),
    responses,
  };
}

export function toPaths(operations: ApiOperation[]): ZodOpenApiPathsObject {
  const paths: ZodOpenApiPathsObject = {};
  for (const operation of operations) {
    const item = (paths[operation.path] ??= {});
    if (item[operation.method]) throw new Error(`${operation.method.toUpperCase()} ${operation.path} is described twice.`);
    item[operation.method] = toOperation(operation);
  }
  return paths;
}
