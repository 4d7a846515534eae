import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, securityHeaders } from "./security-headers";

const production = { nonce: "bm9uY2U=", development: false, https: true };

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split("; ").map((d) => {
      const [name, ...values] = d.split(" ");
      return [name!, values];
    }),
  );
}

describe("Content-Security-Policy", () => {
  it("allows scripts only by this request's nonce in production, never eval or inline", () => {
    const policy = directives(contentSecurityPolicy(production));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"]);
    expect(contentSecurityPolicy(production)).not.toContain("unsafe-eval");
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.has("upgrade-insecure-requests")).toBe(true);
  });

  it("allows eval only under `next dev`, and http only without https", () => {
    const dev = directives(contentSecurityPolicy({ ...production, development: true, https: false }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.has("upgrade-insecure-requests")).toBe(false);
  });

  it("lets the browser reach the Sentry ingest host of the browser DSN, and only that", () => {
    const withSentry = directives(contentSecurityPolicy({ ...production, browserSentryDsn: "https://pub@o12.ingest.sentry.io/34" }));
    expect(withSentry.get("connect-src")).toEqual(["'self'", "https://o12.ingest.sentry.io"]);
    const broken = directives(contentSecurityPolicy({ ...production, browserSentryDsn: "not a url" }));
    expect(broken.get("connect-src")).toEqual(["'self'"]);
  });

  it("makes a fresh, unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("security headers", () => {
  it("sends HSTS only for an https deployment in production, and the hardening headers always", () => {
    expect(securityHeaders(production)).toMatchObject({
      "strict-transport-security": "max-age=63072000; includeSubDomains",
      "cross-origin-opener-policy": "same-origin",
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "referrer-policy": "strict-origin-when-cross-origin",
    });
    expect(securityHeaders({ ...production, https: false })).not.toHaveProperty("strict-transport-security");
    expect(securityHeaders({ ...production, development: true })).not.toHaveProperty("strict-transport-security");
  });
});
