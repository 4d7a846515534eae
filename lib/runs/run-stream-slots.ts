// Open run event streams of this process, capped per caller (an API key, or a dashboard user) and per
// workspace, so that no one holds this instance's connections and database reads without bound.
// Counted in process memory: with N app instances behind a load balancer the effective caps are N times
// these (docs/security.md, "Known limits").
import { appMetrics } from "@/lib/metrics/registry";
import { rateLimited } from "@/lib/ratelimit/rate-limited";

export const RUN_STREAM_CAPS = { perCaller: 10, perWorkspace: 50 } as const;
/** What a refused client is told to wait: streams end within their maximum lifetime, most much sooner. */
const RETRY_AFTER_MS = 10_000;

const globalForSlots = globalThis as unknown as { agenthqRunStreamSlots?: Map<string, number> };
const openStreams = (globalForSlots.agenthqRunStreamSlots ??= new Map<string, number>());

function refuse(limit: number, detail: string): never {
  appMetrics().rateLimitDenials.inc({ rule: "run-streams" });
  throw rateLimited((seconds) => `${detail} Close one, or retry after ${seconds} seconds.`, { reset: Date.now() + RETRY_AFTER_MS });
}

/**
 * Takes one stream slot for the caller in the workspace, or throws a 429 `rate_limited` with Retry-After.
 * Returns the release, which is idempotent: call it whenever the stream ends, however it ends.
 */
export function acquireRunStreamSlot(workspaceId: string, caller: string): () => void {
  const counters = [`workspace:${workspaceId}`, `caller:${caller}`];
  const [inWorkspace, ofCaller] = counters.map((c) => openStreams.get(c) ?? 0) as [number, number];
  if (ofCaller >= RUN_STREAM_CAPS.perCaller)
    refuse(RUN_STREAM_CAPS.perCaller, `This caller already has ${ofCaller} open event streams (the most allowed).`);
  if (inWorkspace >= RUN_STREAM_CAPS.perWorkspace)
    refuse(RUN_STREAM_CAPS.perWorkspace, `This workspace already has ${inWorkspace} open event streams (the most allowed).`);
  for (const c of counters) openStreams.set(c, (openStreams.get(c) ?? 0) + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    for (const c of counters) {
      const left = (openStreams.get(c) ?? 1) - 1;
      if (left > 0) openStreams.set(c, left);
      else openStreams.delete(c);
    }
  };
}
