// With a DSN, an unexpected error in a route handler reaches Sentry once, tagged with its request id,
// and errors Next catches itself (onRequestError) arrive scrubbed: the real SDK, a recording transport.
import type { ErrorEvent } from "@sentry/nextjs";
import { describe, expect, it } from "vitest";

process.env.SENTRY_DSN = "https://public@sentry.invalid/1";
const Sentry = await import("@sentry/nextjs");
const { sentryOptions } = await import("./sentry-options");
const { AppError } = await import("@/lib/errors/app-error");
const { problemResponse } = await import("@/lib/http/problem");
const { onRequestError } = await import("@/instrumentation");

const sent: ErrorEvent[] = [];
Sentry.init({
  ...sentryOptions(process.env.SENTRY_DSN, { release: "test-release", environment: "test" }),
  transport: () => ({
    send: async (envelope: [unknown, [{ type?: string }, unknown][]]) => {
      for (const [header, item] of envelope[1]) if (header.type === "event") sent.push(item as ErrorEvent);
      return {};
    },
    flush: async () => true,
  }),
});

async function eventsAfter(action: () => unknown): Promise<ErrorEvent[]> {
  const before = sent.length;
  await action();
  await new Promise((resolve) => setTimeout(resolve, 50));
  await Sentry.flush(2_000);
  return sent.slice(before);
}

describe("error reporting to Sentry", () => {
  it("reports an unexpected handler error once, with its request id, and no expected ones", async () => {
    const events = await eventsAfter(() => problemResponse(new Error("upstream exploded"), "req-77"));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ release: "test-release", tags: { requestId: "req-77" } });
    expect(events[0]!.exception?.values?.[0]?.value).toBe("upstream exploded");

    expect(await eventsAfter(() => problemResponse(new AppError("not_found", "Run not found."), "req-78"))).toEqual([]);
  });

  it("scrubs errors Next reports from a page render", async () => {
    const events = await eventsAfter(() =>
      onRequestError(
        new Error("render failed"),
        {
          path: "/reset-password/reset-token-123?callbackUrl=/w",
          method: "GET",
          headers: { cookie: "next-auth.session-token=session-jwt", authorization: "Bearer ahq_live_Zk3", "user-agent": "vitest" },
        },
        { routerKind: "App Router", routePath: "/reset-password/[token]", routeType: "render", revalidateReason: undefined },
      ),
    );
    expect(events).toHaveLength(1);
    // Everything but the stack, whose context lines quote this very file.
    const { exception, ...aroundTheStack } = events[0]!;
    expect(exception?.values?.[0]?.value).toBe("render failed");
    const sentText = JSON.stringify(aroundTheStack);
    for (const secret of ["reset-token-123", "session-jwt", "ahq_live_Zk3", "callbackUrl"]) expect(sentText).not.toContain(secret);
    expect(events[0]!.request?.headers).toEqual({ "user-agent": "vitest" });
    expect(events[0]!.contexts?.nextjs?.request_path).toBe("/reset-password/[token]");
  });
});
