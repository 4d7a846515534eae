// The one wrapper every route handler goes through: request id, problem+json for any thrown error, and
// an access log line. Callers that need a signed-in user use `sessionRoute` (lib/http/session-route.ts).
import { logger } from "@/lib/log/logger";
import { problemResponse } from "./problem";
import { REQUEST_ID_HEADER, requestIdFrom } from "./request-id";

export interface RouteContext<P> {
  request: Request;
  requestId: string;
  params: P;
}

type NextRouteContext<P> = { params: Promise<P> };

export function route<P = Record<string, never>>(handler: (ctx: RouteContext<P>) => Promise<Response>) {
  return async (request: Request, context: NextRouteContext<P>): Promise<Response> => {
    const requestId = requestIdFrom(request.headers);
    const started = performance.now();
    let response: Response;
    try {
      response = await handler({ request, requestId, params: await context.params });
      response.headers.set(REQUEST_ID_HEADER, requestId);
    } catch (error) {
      response = problemResponse(error, requestId);
    }
    logger.info("request", {
      requestId,
      method: request.method,
      path: new URL(request.url).pathname,
      status: response.status,
      ms: Math.round(performance.now() - started),
    });
    return response;
  };
}

export function json(data: unknown, status = 200, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(data), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}
