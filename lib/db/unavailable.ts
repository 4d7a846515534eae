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
  "P2028", // Prisma: could not start a transaction in time
]);
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "DatabaseDoesNotExist", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const UNAVAILABLE_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|Can't reach database server|Client has encountered a connection error|connection (?:is )?(?:closed|ended)/i;

interface ErrorLike {
  code?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  // Prisma wraps the driver's error; walk the cause chain a few levels down.
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    const e = current as ErrorLike;
    if (typeof e.code === "string" && (UNAVAILABLE_CODES.has(e.code) || e.code.startsWith("08"))) return true;
    if (typeof e.kind === "string" && UNAVAILABLE_KINDS.has(e.kind)) return true;
    if (typeof e.message === "string" && UNAVAILABLE_MESSAGE.test(e.message)) return true;
    current = e.cause;
  }
  return false;
}
