// Next 16's proxy (formerly middleware): request ids, security headers with a per-request CSP nonce,
// and a redirect to /login for dashboard pages without a session cookie. It is a convenience, never the
// only check: pages and handlers authorize for themselves.
import { NextResponse, type NextRequest } from "next/server";
import { appUrl, env } from "@/config/env";
import { AppError } from "@/lib/errors/app-error";
import { clientIp } from "@/lib/http/client-ip";
import { assertSafeUrl } from "@/lib/http/hostile-text";
import { problemResponse } from "@/lib/http/problem";
import { MAX_BODY_BYTES } from "@/lib/http/read-json";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/http/request-id";
import { createNonce, securityHeaders } from "@/lib/http/security-headers";
import { rateLimited } from "@/lib/ratelimit/rate-limited";
import { checkRateLimit } from "@/lib/ratelimit/rate-limiter";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
const SIGNED_IN_AREAS = ["/w", "/workspaces", "/account"];

/**
 * A coarse per-IP ceiling on the account endpoints (log in, sign up, email links), so floods stop before
 * any body is parsed or password hashed. The handlers keep their own, finer limits per IP and per email.
 */
const AUTH_FLOOD_RULE = { name: "auth-flood-ip", limit: env.AUTH_IP_LIMIT_PER_MINUTE * 3, windowSeconds: 60 };

async function authFloodResponse(request: NextRequest, requestId: string): Promise<Response | null> {
  if (request.method !== "POST" || !request.nextUrl.pathname.startsWith("/api/auth/")) return null;
  const result = await checkRateLimit(AUTH_FLOOD_RULE, clientIp(request.headers));
  if (result.success) return null;
  return problemResponse(rateLimited("Too many attempts from your network. Try again later.", result), requestId);
}

/** Bodies declared larger than the API's limit are refused before any handler (or next-auth) reads them. */
function oversizedBody(request: NextRequest, requestId: string): Response | null {
  const declared = Number(request.headers.get("content-length"));
  if (!Number.isFinite(declared) || declared <= MAX_BODY_BYTES) return null;
  return problemResponse(new AppError("payload_too_large", `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`), requestId);
}

/**
 * A path or query that does not percent-decode, or decodes to a NUL or a lone surrogate: 400 problem+json
 * here, for pages and API routes alike. Next decodes a route's params after the proxy and answers one it
 * cannot decode with a plain-text 500; a NUL it decodes would reach a query and fail there.
 */
function hostileUrl(request: NextRequest, requestId: string): Response | null {
  try {
    assertSafeUrl(request.nextUrl);
    return null;
  } catch (error) {
    return problemResponse(error, requestId);
  }
}

function needsSession(pathname: string): boolean {
  return SIGNED_IN_AREAS.some((area) => pathname === area || pathname.startsWith(`${area}/`));
}

export async function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers);
  const { pathname, search } = request.nextUrl;

  const refused = hostileUrl(request, requestId) ?? oversizedBody(request, requestId) ?? (await authFloodResponse(request, requestId));
  if (refused) return refused;

  const security = securityHeaders({
    nonce: createNonce(),
    development: env.NODE_ENV === "development",
    https: appUrl.startsWith("https://"),
    browserSentryDsn: env.NEXT_PUBLIC_SENTRY_DSN,
  });
  let response: NextResponse;
  if (needsSession(pathname) && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    response = NextResponse.redirect(login);
  } else {
    const headers = new Headers(request.headers);
    headers.set(REQUEST_ID_HEADER, requestId);
    // Next takes the nonce for its own scripts from the request's CSP header.
    headers.set("content-security-policy", security["content-security-policy"]);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set(REQUEST_ID_HEADER, requestId);
  for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
