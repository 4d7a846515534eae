// GET /api/bench/database-read — a reference point of `npm run bench`: the bare handler plus one read-only
// round trip to PostgreSQL (`SELECT 1`), the least a handler that touches the database can cost. The v1
// path makes one such round trip, a write (its metering), so its ratio to bare cannot pass this one's.
// 404 unless BENCH_ROUTES=1.
import { env } from "@/config/env";
import { pool } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export async function GET() {
  if (!env.BENCH_ROUTES) return new Response(null, { status: 404 });
  await pool().query("SELECT 1");
  return Response.json({ ok: true });
}
