// DELETE /api/account/sessions — log out everywhere: every session of the user ends, this one included.
import { revokeAllSessions } from "@/lib/auth/sessions";
import { json } from "@/lib/http/route";
import { sessionRoute } from "@/lib/http/session-route";

export const DELETE = sessionRoute(async ({ user }) => json({ revoked: await revokeAllSessions(user.id) }));
