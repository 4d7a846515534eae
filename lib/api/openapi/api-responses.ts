// The headers and problem+json answers the OpenAPI documents share: X-Request-Id on every answer, the
// RateLimit headers on v1 answers (lib/api/v1-rate-limit.ts), Retry-After when retrying is the cure, and
// one described response per error code.
import { z } from "zod";
import type { ZodOpenApiResponseObject } from "zod-openapi";
import { ERROR_STATUS, type ErrorCode } from "@/lib/errors/app-error";
import { PROBLEM_CONTENT_TYPE, problemSchema } from "@/lib/http/problem";

export type CallerKind = "key" | "session" | "public";

/** A response header, required where it is registered as a component, and optional where it may be missing. */
function header(id: string, schema: z.ZodType, description: string) {
  return { required: schema.meta({ description, header: { id } }), optional: schema.optional().meta({ description }) };
}

const requestId = header(
  "X-Request-Id",
  z.string(),
  "The request's id: the client's own when it sent a sane one (`[A-Za-z0-9._:-]{1,128}`), else a new UUID.",
);
const rateLimit = {
  "RateLimit-Limit": header(
    "RateLimit-Limit",
    z.number().int().min(0),
    "Calls the tier allows per window, per workspace (its keys share them).",
  ),
  "RateLimit-Remaining": header(
    "RateLimit-Remaining",
    z.number().int().min(0),
    "Calls left in this window (the counter closer to exhaustion).",
  ),
  "RateLimit-Reset": header("RateLimit-Reset", z.number().int().min(0), "Seconds until the window resets."),
};
const retryAfter = header("Retry-After", z.number().int().min(1), "Seconds to wait before retrying.");
const wwwAuthenticate = header("WWW-Authenticate", z.string(), 'The credentials to send: `Bearer realm="agenthq"`.');

export const requestIdParameter = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,128}$/)
  .optional()
  .meta({
    description: "Your own id for the request, echoed back in X-Request-Id.",
    param: { id: "X-Request-Id", in: "header", name: "X-Request-Id" },
  });

const rateLimitHeaders = (presence: "required" | "optional") =>
  Object.fromEntries(Object.entries(rateLimit).map(([name, h]) => [name, h[presence]]));

/** Headers of a successful answer. v1 answers carry the RateLimit headers: only a call admitted by them gets this far. */
export function successHeaders(kind: CallerKind, extra: Record<string, z.ZodType> = {}) {
  return z.object({ "X-Request-Id": requestId.required, ...(kind === "key" && rateLimitHeaders("required")), ...extra });
}

/**
 * v1 errors raised after the call was admitted by the rate limits (lib/api/v1-route.ts) carry the RateLimit
 * headers; the others may come first (a hostile URL, a missing key, an oversized body, an outage).
 */
const AFTER_ADMISSION: ErrorCode[] = [
  "quota_exceeded",
  "forbidden",
  "not_found",
  "conflict",
  "unsupported_media_type",
  "workspace_paused",
  "rate_limited",
];

const WHEN: Partial<Record<ErrorCode, string>> = {
  invalid_request:
    "The request is invalid: a field (listed in `errors`), a query parameter, the JSON itself, or a URL with a NUL or broken percent-encoding.",
  unauthorized: "Missing, malformed, unknown, expired or revoked credentials (the same answer for each).",
  quota_exceeded: "The workspace has used this period's quota, or the run would exceed its spend cap.",
  forbidden: "The credentials lack the scope or role this operation needs.",
  not_found: "No such resource in this workspace (another workspace's answers the same).",
  conflict: "The change conflicts with the current state (a taken id or name, an archived agent).",
  payload_too_large: "The body is over 1 MiB.",
  unsupported_media_type: "The body is not sent as `Content-Type: application/json`.",
  workspace_paused: "The workspace is paused (its usage cap, or by an operator) until the next period or an upgrade.",
  rate_limited: "Too many requests (the tier's rate limit, or its runs at a time): retry after Retry-After seconds.",
  internal: "Our failure; quote the request id to support.",
  unavailable: "Briefly unavailable: retry after Retry-After seconds.",
};

function errorHeaders(kind: CallerKind, code: ErrorCode) {
  return z.object({
    "X-Request-Id": requestId.required,
    // A key that does not authenticate is refused before the rate limits are asked.
    ...(kind === "key" && code !== "unauthorized" && rateLimitHeaders(AFTER_ADMISSION.includes(code) ? "required" : "optional")),
    ...((code === "rate_limited" || code === "unavailable") && { "Retry-After": retryAfter.required }),
    ...(code === "unauthorized" && kind === "key" && { "WWW-Authenticate": wwwAuthenticate.required }),
  });
}

const pascal = (code: string) => code.replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase());

const cache = new Map<string, ZodOpenApiResponseObject>();

/**
 * The problem+json answer for an error code: a component per code for the document's own kind of caller
 * (API keys, or members), written out in place for the few public operations beside them.
 */
export function errorResponse(kind: CallerKind, code: ErrorCode): ZodOpenApiResponseObject {
  const key = `${kind}:${code}`;
  let response = cache.get(key);
  if (!response) {
    response = {
      ...(kind !== "public" && { id: pascal(code) }),
      description: `\`${code}\` (${ERROR_STATUS[code]}): ${WHEN[code] ?? code}`,
      headers: errorHeaders(kind, code),
      content: { [PROBLEM_CONTENT_TYPE]: { schema: problemSchema } },
    };
    cache.set(key, response);
  }
  return response;
}
