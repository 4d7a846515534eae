// Whether an error means "the database cannot be reached right now" (down, restarting, failing over, or
// the pool exhausted) rather than a bug: such requests get 503 with Retry-After, not a 500 and a report.
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up, shutting down)
  "53300", // too_many_connections
  "P1001", // Prisma: can't reach the database server
  "P1002", // Prisma: the server timed out
  "P1017", // Prisma: the server closed the connection
  "P2024", // Prisma: timed out fetching a connection from the pool
]);
const UNAVAILABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "DatabaseDoesNotExist",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);
// node-postgres's own messages for a lost or impossible connection (its errors carry no code for these).
// Prisma's for a transaction that could not even start in time: every connection was busy (overload).
const UNAVAILABLE_MESSAGE =
  /^(?:Connection terminated|timeout exceeded when trying to connect|Query read timeout|Can't reach database server)|Unable to start a transaction in the given time/i;

interface ErrorLike {
  code?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { code?: unknown; driverAdapterError?: unknown };
}

export function isDatabaseUnavailable(error: unknown): boolean {
  // Prisma wraps the driver's error (in `cause`, or in `meta` of a known request error): look a few levels down.
  const pending: unknown[] = [error];
  for (let seen = 0; pending.length > 0 && seen < 8; seen++) {
    const current = pending.shift();
    if (!current || typeof current !== "object") continue;
    const e = current as ErrorLike;
    const code = typeof e.code === "string" ? e.code : typeof e.meta?.code === "string" ? e.meta.code : undefined;
    if (code && (UNAVAILABLE_CODES.has(code) || code.startsWith("08"))) return true;
    if (typeof e.kind === "string" && UNAVAILABLE_KINDS.has(e.kind)) return true;
    if (typeof e.message === "string" && UNAVAILABLE_MESSAGE.test(e.message)) return true;
    pending.push(e.cause, e.meta?.driverAdapterError);
  }
  return false;
}
