// Turns any thrown value into an application/problem+json response. An unreachable database is a 503
// the client may retry; other unknown errors become a generic 500 whose message is logged and reported
// to Sentry (with the request id) but never sent.
import { z } from "zod";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { AppError, ERROR_CODES, zodFieldErrors, type ErrorCode } from "@/lib/errors/app-error";
import { describeError, logger } from "@/lib/log/logger";
import { reportUnexpectedError } from "@/lib/monitoring/report-unexpected-error";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";
export const PROBLEM_TYPE_BASE = "https://agenthq.dev/errors/";

/** The body of every error answer (RFC 9457 problem details, with our code, request id and field errors). */
export const problemSchema = z
  .object({
    type: z
      .string()
      .regex(/^https:\/\/agenthq\.dev\/errors\/[a-z_]+$/)
      .meta({ description: `${PROBLEM_TYPE_BASE}<code>` }),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    code: z.enum(ERROR_CODES),
    detail: z.string().meta({ description: "What went wrong, for a person to read; never a stack trace." }),
    requestId: z.string().meta({ description: "The X-Request-Id of this answer: quote it to support." }),
    errors: z
      .array(
        z.object({ path: z.string().meta({ description: 'The field, dotted ("input.question"), or "(body)".' }), message: z.string() }),
      )
      .optional()
      .meta({ description: "Each field at fault, when the problem is with fields." }),
  })
  .meta({ id: "Problem" });
export type Problem = z.infer<typeof problemSchema>;

const TITLES: Record<ErrorCode, string> = {
  invalid_request: "Invalid request",
  unauthorized: "Unauthorized",
  quota_exceeded: "Quota exceeded",
  forbidden: "Forbidden",
  not_found: "Not found",
  method_not_allowed: "Method not allowed",
  conflict: "Conflict",
  payload_too_large: "Payload too large",
  unsupported_media_type: "Unsupported media type",
  workspace_paused: "Workspace paused",
  rate_limited: "Too many requests",
  internal: "Internal server error",
  unavailable: "Service unavailable",
};

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError) {
    return new AppError("invalid_request", "The request has invalid fields.", { fieldErrors: zodFieldErrors(error) });
  }
  if (isDatabaseUnavailable(error)) {
    return new AppError("unavailable", "The service is briefly unavailable. Try again in a few seconds.", {
      headers: { "retry-after": "5" },
    });
  }
  return new AppError("internal", "Something went wrong on our side. Quote the request id when you contact support.");
}

export function problemResponse(error: unknown, requestId: string): Response {
  const appError = toAppError(error);
  if (appError.code === "unavailable" && !(error instanceof AppError)) {
    logger.warn("database unavailable", { requestId, ...describeError(error) });
  } else if (appError.code === "internal" && !(error instanceof AppError)) {
    logger.error("unhandled error", { requestId, ...describeError(error) });
    reportUnexpectedError(error, { requestId });
  }
  const body: Problem = {
    type: `${PROBLEM_TYPE_BASE}${appError.code}`,
    title: TITLES[appError.code],
    status: appError.status,
    code: appError.code,
    detail: appError.message,
    requestId,
    ...(appError.fieldErrors && { errors: appError.fieldErrors }),
  };
  return new Response(JSON.stringify(body), {
    status: appError.status,
    headers: { "content-type": PROBLEM_CONTENT_TYPE, "x-request-id": requestId, ...appError.headers },
  });
}
