// Next 16's proxy (formerly middleware): request ids, security headers, and a redirect to /login for
// dashboard pages without a session cookie. It is a convenience, never the only check: pages and
// handlers authorize for themselves.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/config/env";
import { clientIp } from "@/lib/http/client-ip";
import { problemResponse } from "@/lib/http/problem";
import { AppError } from "@/lib/http/app-error";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/http/request-id";
import { checkRateLimit } from "@/lib/ratelimit/rate-limiter";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
const SIGNED_IN_AREAS = ["/w", "/workspaces", "/account"];

const SECURITY_HEADERS: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
};

/**
 * A coarse per-IP ceiling on the account endpoints (log in, sign up, email links), so floods stop before
 * any body is parsed or password hashed. The handlers keep their own, finer limits per IP and per email.
 */
const AUTH_FLOOD_RULE = { name: "auth-flood-ip", limit: env.AUTH_IP_LIMIT_PER_MINUTE * 3, windowSeconds: 60 };

async function authFloodResponse(request: NextRequest, requestId: string): Promise<Response | null> {
  if (request.method !== "POST" || !request.nextUrl.pathname.startsWith("/api/auth/")) return null;
  const result = await checkRateLimit(AUTH_FLOOD_RULE, clientIp(request.headers));
  if (result.success) return null;
  const retryAfter = String(Math.max(1, Math.ceil((result.reset - Date.now()) / 1000)));
  return problemResponse(
    new AppError("rate_limited", "Too many attempts from your network. Try again later.", { headers: { "retry-after": retryAfter } }),
    requestId,
  );
}

function needsSession(pathname: string): boolean {
  return SIGNED_IN_AREAS.some((area) => pathname === area || pathname.startsWith(`${area}/`));
}

export async function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers);
  const { pathname, search } = request.nextUrl;

  const flooded = await authFloodResponse(request, requestId);
  if (flooded) return flooded;

  let response: NextResponse;
  if (needsSession(pathname) && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    response = NextResponse.redirect(login);
  } else {
    const headers = new Headers(request.headers);
    headers.set(REQUEST_ID_HEADER, requestId);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set(REQUEST_ID_HEADER, requestId);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
