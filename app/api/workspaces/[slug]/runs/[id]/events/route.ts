// GET /api/workspaces/:slug/runs/:id/events — the run's live events for the dashboard (SSE).
import { workspaceRoute } from "@/lib/http/workspace-route";
import { parseLastEventId, runEventStream } from "@/lib/runs/run-event-stream";

export const dynamic = "force-dynamic";

export const GET = workspaceRoute<{ slug: string; id: string }>("runs:read", async ({ request, user, ctx, params }) =>
  runEventStream(ctx, params.id, {
    caller: `user:${user.id}`,
    lastEventId: parseLastEventId(request.headers.get("last-event-id")),
    signal: request.signal,
  }),
);
