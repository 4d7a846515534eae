// What leaves for Sentry: the error, its stack, the route, a few harmless headers and the request id.
// Never request bodies, cookies, credentials, query strings, or the secret tokens that emailed links
// carry in their paths. Type-only imports: the browser bundle loads this with the SDK, on demand.
import type { Breadcrumb, Event } from "@sentry/nextjs";

/** Request headers worth keeping; every other header (authorization, cookie, stripe-signature, …) goes. */
const KEPT_HEADERS = new Set(["accept", "content-type", "user-agent", "x-request-id"]);

/** Pages whose last path segment is a single-use secret (invitations, password resets, unlocks, verification). */
const SECRET_LINK = /\/(invite|reset-password|unlock|verify-email)\/[^/?#]+/g;

/** A URL or path without its query string, fragment, credentials or link tokens. */
export function scrubUrl(url: string): string {
  return url
    .replace(/[?#].*$/s, "")
    .replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, "$1")
    .replace(SECRET_LINK, "/$1/[token]");
}

function keptHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => KEPT_HEADERS.has(name.toLowerCase())));
}

export function scrubBreadcrumb(breadcrumb: Breadcrumb): Breadcrumb {
  const data = breadcrumb.data;
  if (!data) return breadcrumb;
  const scrubbed = { ...data };
  for (const field of ["url", "from", "to"]) {
    if (typeof scrubbed[field] === "string") scrubbed[field] = scrubUrl(scrubbed[field]);
  }
  return { ...breadcrumb, data: scrubbed };
}

/** Sentry's beforeSend: the event with only what the header comment allows. */
export function scrubEvent<E extends Event>(event: E): E {
  if (event.request) {
    const { url, method, headers } = event.request;
    event.request = {
      ...(url && { url: scrubUrl(url) }),
      ...(method && { method }),
      ...(headers && { headers: keptHeaders(headers) }),
    };
  }
  if (event.transaction) event.transaction = scrubUrl(event.transaction);
  const nextjs = event.contexts?.nextjs;
  if (nextjs && typeof nextjs.request_path === "string") nextjs.request_path = scrubUrl(nextjs.request_path);
  if (event.user) event.user = event.user.id === undefined ? {} : { id: event.user.id };
  if (event.breadcrumbs) event.breadcrumbs = event.breadcrumbs.map(scrubBreadcrumb);
  return event;
}
