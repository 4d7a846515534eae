// GET /api/v1/runs/:id/events — the run's events as server-sent events, resumable with Last-Event-ID.
import { v1Route } from "@/lib/api/v1-route";
import { parseLastEventId, runEventStream } from "@/lib/runs/run-event-stream";

export const dynamic = "force-dynamic";

export const GET = v1Route<{ id: string }>({ scope: "runs:read" }, async ({ request, key, ctx, params }) =>
  runEventStream(ctx, params.id, {
    caller: `key:${key.keyId}`,
    lastEventId: parseLastEventId(request.headers.get("last-event-id")),
    signal: request.signal,
  }),
);
