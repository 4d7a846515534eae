// GET /api/health — liveness: answers while the process serves, without touching dependencies.
import { json, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(async () => json({ status: "ok" }));
