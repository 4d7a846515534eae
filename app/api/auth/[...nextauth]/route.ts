// next-auth's own routes: /api/auth/csrf, /callback/*, /session, /signout, …
// Password log-ins are rate limited per client IP before next-auth sees them (per email inside authorize,
// lib/auth/auth-options.ts), and a POST's body is read once, within a size limit (also when it is sent
// chunked, with no Content-Length).
import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { appUrl } from "@/config/env";
import { authOptions } from "@/lib/auth/auth-options";
import { AUTH_LIMITS, enforceAuthLimits } from "@/lib/auth/auth-rate-limits";
import { clientIp } from "@/lib/http/client-ip";
import { problemResponse } from "@/lib/http/problem";
import { readLimitedText } from "@/lib/http/read-json";
import { requestIdFrom } from "@/lib/http/request-id";

const handler = NextAuth(authOptions);
type Context = { params: Promise<{ nextauth: string[] }> };

/** next-auth's forms are a few hundred bytes. */
const AUTH_BODY_LIMIT = 16 * 1024;

/**
 * The per-IP limit on password log-ins, which needs nothing from the body. The per-email limit is in
 * authorizeCredentials, on the email next-auth actually checks: a body read here could name another one.
 */
async function limitPasswordLogIn(request: NextRequest): Promise<Response | null> {
  try {
    await enforceAuthLimits([[AUTH_LIMITS.loginPerIp, clientIp(request.headers)]]);
    return null;
  } catch (error) {
    const problem = problemResponse(error, requestIdFrom(request.headers));
    // next-auth's client reads `url` to find the error; keep the problem fields for everyone else.
    const body = { ...(await problem.json()), url: `${appUrl}/login?error=RateLimited` };
    return new Response(JSON.stringify(body), { status: problem.status, headers: problem.headers });
  }
}

export async function POST(request: NextRequest, context: Context) {
  let body: string;
  try {
    body = await readLimitedText(request, AUTH_BODY_LIMIT);
  } catch (error) {
    return problemResponse(error, requestIdFrom(request.headers));
  }
  const buffered = new NextRequest(request.url, { method: "POST", headers: request.headers, body });
  const { nextauth } = await context.params;
  if (nextauth.join("/") === "callback/credentials") {
    const limited = await limitPasswordLogIn(buffered);
    if (limited) return limited;
  }
  return handler(buffered, context);
}

export { handler as GET };
