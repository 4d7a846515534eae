// GET /api/v1/workspace — the workspace the API key belongs to.
import { json } from "@/lib/http/route";
import { v1Route } from "@/lib/api/v1-route";

export const GET = v1Route({}, async ({ key }) => {
  const { id, slug, name, tier, status, pausedReason } = key.workspace;
  return json({ id, slug, name, tier, status, ...(pausedReason && { pausedReason }) });
});
