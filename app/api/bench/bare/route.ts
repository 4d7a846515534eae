// GET /api/bench/bare — the baseline of `npm run bench`: a route handler doing nothing, in the same
// server as the API it is compared with. 404 unless BENCH_ROUTES=1.
import { env } from "@/config/env";

export const dynamic = "force-dynamic";

export async function GET() {
  if (!env.BENCH_ROUTES) return new Response(null, { status: 404 });
  return Response.json({ ok: true });
}
