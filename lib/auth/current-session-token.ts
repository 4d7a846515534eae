// The server-side session id named by the request's session cookie (to keep it when revoking others).
import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { env } from "@/config/env";

export async function currentSessionToken(request: Request): Promise<string | undefined> {
  // Route handlers receive a NextRequest; getToken reads its cookies.
  const token = await getToken({ req: request as NextRequest, secret: env.NEXTAUTH_SECRET });
  return typeof token?.sid === "string" ? token.sid : undefined;
}
