// The security headers proxy.ts puts on every response. The Content-Security-Policy allows scripts only
// with this request's nonce (Next reads it from the request's CSP header and puts it on its own
// scripts), or loaded by such a script ('strict-dynamic'); never eval outside `next dev`.

export interface SecurityHeaderOptions {
  /** Fresh for every request. */
  nonce: string;
  /** `next dev`: React's refresh and error overlay need eval. */
  development: boolean;
  /** The public URL is https: add HSTS and upgrade any http subresource. */
  https: boolean;
  /** The browser's Sentry DSN (NEXT_PUBLIC_SENTRY_DSN): its ingest host must be reachable. */
  browserSentryDsn?: string;
}

function originOf(url: string | undefined): string[] {
  if (!url || !URL.canParse(url)) return [];
  return [new URL(url).origin];
}

export function contentSecurityPolicy(options: SecurityHeaderOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${options.nonce}'`, "'strict-dynamic'", ...(options.development ? ["'unsafe-eval'"] : [])],
    // Inline styles stay allowed: server-rendered style attributes (usage bars) and Next's built-in error
    // pages use them, and a style cannot run code. (A nonce here would turn 'unsafe-inline' off.)
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'", ...originOf(options.browserSentryDsn)],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
    ...(options.https ? [["upgrade-insecure-requests"] as [string]] : []),
  ];
  return directives.map((directive) => directive.join(" ")).join("; ");
}

export function securityHeaders(options: SecurityHeaderOptions) {
  return {
    "content-security-policy": contentSecurityPolicy(options),
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
    "cross-origin-opener-policy": "same-origin",
    ...(options.https && !options.development ? { "strict-transport-security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** 128 random bits, base64: unguessable and valid in a CSP nonce source. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
