/** Error codes of a connection that failed or ended: Node sockets, PostgreSQL (SQLSTATE) and Prisma. */
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "EPIPE",
  // PostgreSQL: admin/crash shutdown, cannot connect now, too many connections, connection exceptions.
  "57P01", "57P02", "57P03", "53300", "08000", "08001", "08003", "08004", "08006",
  // Prisma: cannot reach the server, timed out, the server closed the connection.
  "P1001", "P1002", "P1017",
]);

/** Driver-adapter error kinds (@prisma/driver-adapter-utils) that mean the server is out of reach. */
const UNAVAILABLE_ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

/** Messages of errors that carry no code: pg's ended connection and pool timeout, a closed PGlite. */
const UNAVAILABLE_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|PGlite is closed|Can't reach database server|server closed the connection unexpectedly/i;

/**
 * Whether this error means the application database cannot be reached (down, restarting, refusing
 * connections, closed), rather than that a query was wrong. Both runtimes: pg with
 * @prisma/adapter-pg, and PGlite. Follows `cause` and Prisma's wrapped driver-adapter error.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0) {
    const current = pending.pop();
    if (typeof current !== "object" || current === null || seen.has(current)) continue;
    seen.add(current);
    const { code, kind, message, cause, meta } = current as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: unknown };
    if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
    if (typeof kind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(kind)) return true;
    if (current instanceof Error && typeof message === "string" && UNAVAILABLE_MESSAGE.test(message)) return true;
    pending.push(cause);
    if (typeof meta === "object" && meta !== null) pending.push((meta as { driverAdapterError?: unknown }).driverAdapterError);
  }
  return false;
}
