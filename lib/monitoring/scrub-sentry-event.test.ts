import type { ErrorEvent } from "@sentry/nextjs";
import { describe, expect, it } from "vitest";
import { scrubBreadcrumb, scrubEvent, scrubUrl } from "./scrub-sentry-event";
import { sentryOptions } from "./sentry-options";

const SECRETS = ["ahq_live_Zk3", "session-jwt", "whsec_sig", "hunter2", "reset-token-123", "csrf=abc"];

function eventFromARequest(): ErrorEvent {
  return {
    type: undefined,
    message: "boom",
    transaction: "GET /reset-password/reset-token-123",
    request: {
      url: "https://app.example.com/api/v1/runs?cursor=csrf=abc#frag",
      method: "POST",
      data: { password: "hunter2" },
      query_string: "cursor=csrf=abc",
      cookies: { "next-auth.session-token": "session-jwt" },
      env: { REMOTE_ADDR: "203.0.113.9" },
      headers: {
        Authorization: "Bearer ahq_live_Zk3",
        cookie: "next-auth.session-token=session-jwt",
        "stripe-signature": "t=1,v1=whsec_sig",
        "user-agent": "curl/8",
        "x-request-id": "req-42",
      },
    },
    user: { id: "user_1", ip_address: "203.0.113.9", email: "a@example.com" },
    contexts: { nextjs: { request_path: "/invite/reset-token-123?x=csrf=abc", router_kind: "App Router" } },
    breadcrumbs: [
      { category: "fetch", data: { url: "https://api.example.com/v1/things?api_key=hunter2", method: "GET" } },
      { category: "navigation", data: { from: "/login?callbackUrl=%2Fw", to: "/unlock/reset-token-123" } },
    ],
  };
}

describe("Sentry scrubbing", () => {
  it("sends no body, cookies, credentials, query strings or link tokens", () => {
    const scrubbed = scrubEvent(eventFromARequest());
    const sent = JSON.stringify(scrubbed);
    for (const secret of SECRETS) expect(sent).not.toContain(secret);
    expect(sent).not.toContain("203.0.113.9");
    expect(sent).not.toContain("a@example.com");

    expect(scrubbed.request).toEqual({
      url: "https://app.example.com/api/v1/runs",
      method: "POST",
      headers: { "user-agent": "curl/8", "x-request-id": "req-42" },
    });
    expect(scrubbed.user).toEqual({ id: "user_1" });
    expect(scrubbed.transaction).toBe("GET /reset-password/[token]");
    expect(scrubbed.contexts?.nextjs).toEqual({ request_path: "/invite/[token]", router_kind: "App Router" });
    expect(scrubbed.breadcrumbs?.map((b) => b.data)).toEqual([
      { url: "https://api.example.com/v1/things", method: "GET" },
      { from: "/login", to: "/unlock/[token]" },
    ]);
  });

  it("strips credentials from URLs and leaves clean ones alone", () => {
    expect(scrubUrl("https://user:pass@db.example.com/x?y=1")).toBe("https://db.example.com/x");
    expect(scrubUrl("/verify-email/abc/")).toBe("/verify-email/[token]/");
    expect(scrubUrl("/w/acme/runs/run_1")).toBe("/w/acme/runs/run_1");
    expect(scrubBreadcrumb({ message: "no data" })).toEqual({ message: "no data" });
  });

  it("is what every runtime's options use, with no personal data", () => {
    const options = sentryOptions("https://key@o1.ingest.sentry.io/2", { release: "abc123", environment: "staging" });
    expect(options).toMatchObject({ release: "abc123", environment: "staging", sendDefaultPii: false });
    expect(options.beforeSend).toBe(scrubEvent);
    expect(options.beforeBreadcrumb).toBe(scrubBreadcrumb);
  });
});
