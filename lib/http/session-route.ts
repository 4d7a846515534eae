// Route wrapper for the dashboard's own endpoints: everything `route` does, plus a signed-in user.
import { getSessionUser, type SessionUser } from "@/lib/auth/get-session-user";
import { AppError } from "@/lib/errors/app-error";
import { route, type RouteContext } from "./route";

export interface SessionRouteContext<P> extends RouteContext<P> {
  user: SessionUser;
}

export function sessionRoute<P = Record<string, never>>(handler: (ctx: SessionRouteContext<P>) => Promise<Response>) {
  return route<P>(async (ctx) => {
    const user = await getSessionUser();
    if (!user) throw new AppError("unauthorized", "Log in to continue.");
    return handler({ ...ctx, user });
  });
}
