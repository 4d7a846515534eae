// A run's events as server-sent events: replays what the client has not seen (after Last-Event-ID),
// then streams new events as they are written on any instance. Every stream ends: after the run's `done`
// event; with `done` at once when the run is finished and the cursor is at or past its end (whatever
// the cursor says); and at its maximum lifetime, after which the client reconnects with Last-Event-ID.
// Open streams are capped per caller and per workspace (run-stream-slots.ts).
import { env } from "@/config/env";
import { inWorkspace } from "@/lib/db/tenant";
import { AppError } from "@/lib/errors/app-error";
import type { WorkspaceContext } from "@/lib/workspaces/workspace-context";
import { runEventBus } from "./run-event-bus";
import { listRunEvents, RUN_EVENTS_PAGE } from "./run-events";
import { acquireRunStreamSlot } from "./run-stream-slots";
import { TERMINAL_STATUSES } from "./run-view";

const KEEPALIVE_MS = 15_000;
/** The client's reconnection delay, sent as `retry:`. */
const RECONNECT_MS = 2_000;
/**
 * Safety net for a missed notification. Rare while the bus listens (it wakes every stream itself when it
 * reconnects), frequent only while it cannot listen at all.
 */
const POLL_LISTENING_MS = 30_000;
const POLL_UNLISTENED_MS = 5_000;
/** A worker writes `done` just after a run's final status; a run finished longer ago without one never gets it. */
const DONE_GRACE_MS = 5_000;

export interface RunEventStreamOptions {
  /** Who holds the stream, for the per-caller cap: `key:<id>` or `user:<id>`. */
  caller: string;
  lastEventId: bigint | undefined;
  signal: AbortSignal;
}

interface SseEvent {
  id?: string;
  type: string;
  data: unknown;
  /** When the event happened: sent as the data's `at`, so a replayed log line keeps its own time. */
  createdAt?: string;
}

export function parseLastEventId(header: string | null): bigint | undefined {
  return header && /^\d{1,18}$/.test(header.trim()) ? BigInt(header.trim()) : undefined;
}

function formatEvent(event: SseEvent): string {
  const stamped =
    event.createdAt && typeof event.data === "object" && event.data !== null && !Array.isArray(event.data)
      ? { ...event.data, at: event.createdAt }
      : event.data;
  return `${event.id === undefined ? "" : `id: ${event.id}\n`}event: ${event.type}\ndata: ${JSON.stringify(stamped)}\n\n`;
}

/**
 * What a stream with nothing after its cursor does next: wait (the run goes on, or its `done` is being
 * written), read again (`done` was written after the cursor meanwhile), or end, with the `done` to send.
 * A client whose cursor is at or past the run's `done` gets that `done` again, with its own id.
 */
async function nextStep(workspaceId: string, runId: string, last: bigint | undefined): Promise<"wait" | "read" | { end: SseEvent | null }> {
  const { run, done } = await inWorkspace(workspaceId, async (tx) => {
    const run = await tx.run.findFirst({ where: { id: runId, workspaceId }, select: { status: true, finishedAt: true } });
    if (!run || !TERMINAL_STATUSES.includes(run.status)) return { run, done: null };
    const done = await tx.runEvent.findFirst({
      where: { workspaceId, runId, type: "done" },
      orderBy: { id: "desc" },
      select: { id: true, data: true, createdAt: true },
    });
    return { run, done };
  });
  if (!run) return { end: null };
  if (!TERMINAL_STATUSES.includes(run.status)) return "wait";
  if (done)
    return last !== undefined && done.id <= last
      ? { end: { id: done.id.toString(), type: "done", data: done.data, createdAt: done.createdAt.toISOString() } }
      : "read";
  if (run.finishedAt && Date.now() - run.finishedAt.getTime() < DONE_GRACE_MS) return "wait";
  return { end: { type: "done", data: { status: run.status } } };
}

export async function runEventStream(ctx: WorkspaceContext, runId: string, options: RunEventStreamOptions): Promise<Response> {
  const { workspaceId } = ctx;
  const run = await inWorkspace(workspaceId, (tx) => tx.run.findFirst({ where: { id: runId, workspaceId }, select: { id: true } }));
  if (!run) throw new AppError("not_found", "No run with this id in this workspace.");
  const { signal } = options;
  const release = acquireRunStreamSlot(workspaceId, options.caller);

  const encoder = new TextEncoder();
  let last = options.lastEventId;
  let closed = false;
  // Everything a stream holds (its slot, subscription, timers, abort listener), given back once however it ends.
  const cleanups: (() => void)[] = [release];
  const stop = (): boolean => {
    if (closed) return false;
    closed = true;
    for (const cleanup of cleanups.splice(0)) cleanup();
    return true;
  };

  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const close = () => {
        if (!stop()) return;
        try {
          controller.close();
        } catch {
          // Already closed by the client.
        }
      };
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      const send = (events: SseEvent[]) => {
        for (const event of events) {
          if (closed) return;
          write(formatEvent(event));
          if (event.id !== undefined) last = BigInt(event.id);
          if (event.type === "done") return close();
        }
      };
      let fetching = false;
      let again = false;
      // Reads what is past the cursor; when that is nothing (or, on opening, the replay did not end the
      // stream), asks whether the run is over.
      const pull = async (opening = false) => {
        if (fetching) return void (again = true);
        fetching = true;
        try {
          let reread = false;
          let askEnd = opening;
          do {
            again = false;
            const events = await listRunEvents(workspaceId, runId, last);
            send(events);
            if (closed) break;
            if (events.length >= RUN_EVENTS_PAGE) again = true;
            else if (events.length === 0 || askEnd) {
              askEnd = false;
              const step = await nextStep(workspaceId, runId, last);
              if (step === "read") {
                // Once: a `done` past the cursor is what the next read returns.
                if (!reread) again = reread = true;
              } else if (step !== "wait") {
                if (step.end) send([step.end]);
                close();
              }
            }
          } while (again && !closed);
        } catch {
          close();
        } finally {
          fetching = false;
        }
      };

      const onAbort = () => close();
      signal.addEventListener("abort", onAbort, { once: true });
      cleanups.push(() => signal.removeEventListener("abort", onAbort));
      cleanups.push(runEventBus().subscribe(runId, () => void pull()));
      const keepalive = setInterval(() => write(": keepalive\n\n"), KEEPALIVE_MS);
      const lifetime = setTimeout(() => {
        write(": this stream reached its maximum lifetime; reconnect with Last-Event-ID\n\n");
        close();
      }, env.RUN_STREAM_MAX_SECONDS * 1000);
      let poll: ReturnType<typeof setTimeout> | undefined;
      const schedulePoll = () => {
        if (!closed)
          poll = setTimeout(() => void pull().finally(schedulePoll), runEventBus().listening ? POLL_LISTENING_MS : POLL_UNLISTENED_MS);
      };
      cleanups.push(
        () => clearInterval(keepalive),
        () => clearTimeout(lifetime),
        () => clearTimeout(poll),
      );
      if (signal.aborted) return close();

      write(`retry: ${RECONNECT_MS}\n\n`);
      await pull(true);
      schedulePoll();
    },
    cancel() {
      stop();
    },
  });

  return new Response(body, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}
