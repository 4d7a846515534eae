// Where to send someone after they log in or sign up: the callbackUrl they arrived with, when it is a path
// of this app, so that the login page can never be made to redirect to another site.

/**
 * A post-login destination: a path of this app, or `fallback`. The candidate is resolved as a browser
 * resolves it (dropping tabs and newlines, reading a backslash as a slash), so `/\t/evil.example` is seen
 * as the other host it is. The resolved path is kept only if it stays on `origin` and resolves to itself
 * again: `/./\t/x` resolves here to the path `//x`, which as a link would leave.
 */
export function safeCallbackPath(value: string | null | undefined, fallback: string, origin: string): string {
  if (!value?.startsWith("/")) return fallback;
  const home = new URL(origin).origin;
  const path = pathOn(home, value);
  return path !== null && pathOn(home, path) === path ? path : fallback;
}

/** Where `candidate` leads from a page of `home`, as a path, or null when it leads elsewhere. */
function pathOn(home: string, candidate: string): string | null {
  if (!URL.canParse(candidate, home)) return null;
  const url = new URL(candidate, home);
  return url.origin === home ? `${url.pathname}${url.search}${url.hash}` : null;
}
