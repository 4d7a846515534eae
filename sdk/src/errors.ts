// Errors the client throws: an AgentHQError for every problem+json answer (its code, status, detail and
// field errors, as the API sent them), so callers branch on `code` rather than on message text.

export interface FieldError {
  path: string;
  message: string;
}

export type ErrorCode =
  | "invalid_request"
  | "unauthorized"
  | "quota_exceeded"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "workspace_paused"
  | "rate_limited"
  | "internal"
  | "unavailable"
  | (string & {});

export class AgentHQError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly detail: string;
  readonly fieldErrors: FieldError[];
  readonly requestId: string | null;
  /** Seconds the server asked to wait before retrying (429, 503), when it said. */
  readonly retryAfterSeconds: number | null;

  constructor(init: {
    status: number;
    code: ErrorCode;
    detail: string;
    fieldErrors?: FieldError[];
    requestId?: string | null;
    retryAfterSeconds?: number | null;
  }) {
    super(`${init.code} (${init.status}): ${init.detail}`);
    this.name = "AgentHQError";
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? [];
    this.requestId = init.requestId ?? null;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }
}

/** The answer of a failed request, as an AgentHQError. */
export async function errorFrom(response: Response): Promise<AgentHQError> {
  let body: { code?: string; detail?: string; title?: string; errors?: FieldError[] } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // Not problem+json (a proxy's error page): keep the status.
  }
  const retryAfter = Number(response.headers.get("retry-after"));
  return new AgentHQError({
    status: response.status,
    code: body.code ?? (response.status >= 500 ? "internal" : "invalid_request"),
    detail: body.detail ?? body.title ?? response.statusText,
    fieldErrors: body.errors,
    requestId: response.headers.get("x-request-id"),
    retryAfterSeconds: Number.isFinite(retryAfter) && response.headers.has("retry-after") ? retryAfter : null,
  });
}
