// A run's events as server-sent events: replays what the client has not seen (after Last-Event-ID),
// then streams new events as they are written on any instance, and ends after the `done` event.
import { inWorkspace } from "@/lib/db/tenant";
import { AppError } from "@/lib/http/app-error";
import { runEventBus } from "./run-event-bus";
import { listRunEvents, type RunEventView } from "./run-events";
import { TERMINAL_STATUSES } from "./run-view";

const KEEPALIVE_MS = 15_000;
/** Safety net if a notification is ever missed (e.g. while the listener reconnects). */
const POLL_MS = 5_000;

export function parseLastEventId(header: string | null): bigint | undefined {
  return header && /^\d{1,18}$/.test(header.trim()) ? BigInt(header.trim()) : undefined;
}

export async function runEventStream(workspaceId: string, runId: string, lastEventId: bigint | undefined, signal: AbortSignal): Promise<Response> {
  const run = await inWorkspace(workspaceId, (tx) => tx.run.findFirst({ where: { id: runId, workspaceId }, select: { status: true } }));
  if (!run) throw new AppError("not_found", "No run with this id in this workspace.");

  const encoder = new TextEncoder();
  let last = lastEventId;
  let closed = false;
  const cleanups: (() => void)[] = [];

  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const close = () => {
        if (closed) return;
        closed = true;
        cleanups.forEach((c) => c());
        try {
          controller.close();
        } catch {
          // Already closed by the client.
        }
      };
      const send = (events: RunEventView[]) => {
        for (const event of events) {
          if (closed) return;
          controller.enqueue(encoder.encode(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`));
          last = BigInt(event.id);
          if (event.type === "done") return close();
        }
      };
      let fetching = false;
      let again = false;
      const pull = async () => {
        if (fetching) return void (again = true);
        fetching = true;
        try {
          do {
            again = false;
            send(await listRunEvents(workspaceId, runId, last));
          } while (again && !closed);
        } catch {
          close();
        } finally {
          fetching = false;
        }
      };

      signal.addEventListener("abort", close, { once: true });
      cleanups.push(runEventBus().subscribe(runId, () => void pull()));
      const keepalive = setInterval(() => !closed && controller.enqueue(encoder.encode(": keepalive\n\n")), KEEPALIVE_MS);
      const poll = setInterval(() => void pull(), POLL_MS);
      cleanups.push(() => clearInterval(keepalive), () => clearInterval(poll));

      controller.enqueue(encoder.encode("retry: 2000\n\n"));
      await pull();
      // A finished run whose `done` the client has already seen: nothing more will come.
      if (!closed && TERMINAL_STATUSES.includes(run.status) && (await listRunEvents(workspaceId, runId, last)).length === 0) close();
    },
    cancel() {
      closed = true;
      cleanups.forEach((c) => c());
    },
  });

  return new Response(body, {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", connection: "keep-alive", "x-accel-buffering": "no" },
  });
}
