// The one wrapper every route handler goes through: request id, hostile text in the URL refused (400)
// before the handler runs, problem+json for any thrown error, the headers the handler set for every
// answer (`responseHeaders`), an access log line and the request metrics.
// Callers that need a signed-in user use `sessionRoute` (lib/http/session-route.ts).
import type { z } from "zod";
import { logger } from "@/lib/log/logger";
import { recordHttpRequest } from "@/lib/metrics/registry";
import { routePattern } from "@/lib/metrics/route-pattern";
import { assertSafeParams, assertSafeUrl } from "./hostile-text";
import { problemResponse } from "./problem";
import { REQUEST_ID_HEADER, requestIdFrom } from "./request-id";

/** What the access log line adds once a wrapper knows it. Ids only: never bodies, keys, tokens or cookies. */
export interface RequestLogFields {
  workspaceId?: string;
}

export interface RouteContext<P> {
  request: Request;
  requestId: string;
  params: P;
  /** Filled in by the inner wrappers (workspace, v1) for the access log line. */
  log: RequestLogFields;
  /**
   * Headers for the answer whatever it is: the handler's response or the problem+json of what it threw
   * (the v1 RateLimit headers). They win over headers of the same name on the response.
   */
  responseHeaders: Headers;
}

type NextRouteContext<P> = { params: Promise<P> };

export function route<P = Record<string, never>>(handler: (ctx: RouteContext<P>) => Promise<Response>) {
  return async (request: Request, context: NextRouteContext<P>): Promise<Response> => {
    const requestId = requestIdFrom(request.headers);
    const started = performance.now();
    const params = await context.params;
    const log: RequestLogFields = {};
    const responseHeaders = new Headers();
    const url = new URL(request.url);
    let response: Response;
    try {
      assertSafeUrl(url);
      assertSafeParams(params as Record<string, unknown> | undefined);
      response = withHeaders(await handler({ request, requestId, params, log, responseHeaders }), responseHeaders);
      response.headers.set(REQUEST_ID_HEADER, requestId);
    } catch (error) {
      response = withHeaders(problemResponse(error, requestId), responseHeaders);
    }
    const seconds = (performance.now() - started) / 1000;
    const path = url.pathname;
    // Next passes no params (undefined) to a route without dynamic segments.
    const pattern = routePattern(path, params as Record<string, unknown> | undefined);
    recordHttpRequest({ method: request.method, route: pattern, status: response.status, seconds });
    logger.info("request", {
      requestId,
      method: request.method,
      path,
      route: pattern,
      status: response.status,
      ms: Math.round(seconds * 1000),
      ...log,
    });
    return response;
  };
}

function withHeaders(response: Response, headers: Headers): Response {
  headers.forEach((value, name) => response.headers.set(name, value));
  return response;
}

export function json(data: unknown, status = 200, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(data), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

/** A response body that did not fit its schema: our bug, answered as a generic 500 (and reported), never as the client's 400. */
export class ResponseShapeError extends Error {
  constructor(error: z.ZodError) {
    super(`The response does not fit its schema: ${error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`).join("; ")}`);
    this.name = "ResponseShapeError";
  }
}

/**
 * JSON shaped by the schema the API documents it with (lib/api/openapi): fields the schema does not name
 * are dropped, so an internal column cannot leak, and the answer is what the OpenAPI document says.
 */
export function jsonOf<S extends z.ZodType>(schema: S, value: z.input<S>, status = 200, headers?: Record<string, string>): Response {
  const shaped = schema.safeParse(value);
  if (!shaped.success) throw new ResponseShapeError(shaped.error);
  return json(shaped.data, status, headers);
}
