// Errors are values: domain code throws an AppError with a code; lib/http/problem.ts answers it as
// problem+json, once. Nothing here knows about requests or responses.
import type { z } from "zod";

/**
 * Each error code with the HTTP status it stands for. The codes are named after those statuses, so the
 * table lives with the codes; lib/http/problem.ts is what turns an error into an answer.
 */
export const ERROR_STATUS = {
  invalid_request: 400,
  unauthorized: 401,
  quota_exceeded: 402,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  workspace_paused: 423,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors?: FieldError[];
  /**
   * Headers of this error's own answer: Retry-After when retrying is the cure, WWW-Authenticate with a
   * 401. Headers every answer of a request carries (RateLimit-*) are the route's (RouteContext.responseHeaders).
   */
  readonly headers?: Record<string, string>;

  constructor(code: ErrorCode, detail: string, extra?: { fieldErrors?: FieldError[]; headers?: Record<string, string> }) {
    super(detail);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = extra?.fieldErrors;
    this.headers = extra?.headers;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** A zod error's issues as field errors: dotted paths, "(body)" for the whole value. */
export function zodFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.join(".") || "(body)",
    message: issue.message,
  }));
}
