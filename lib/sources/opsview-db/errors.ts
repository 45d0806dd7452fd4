import { redactSecret } from "../redact-secret";

/** One-line explanations of driver errors; they never contain the password. */

export interface DriverError {
  code?: string;
  errno?: number;
  message: string;
}

export function isDriverError(error: unknown): error is Error & DriverError {
  return error instanceof Error && typeof (error as { code?: unknown }).code === "string";
}

const EXPLANATIONS: Record<string, string> = {
  ECONNREFUSED: "connection refused (is the database server running and listening on that port?)",
  ETIMEDOUT: "timed out connecting",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ENOTFOUND: "host name not found",
  EAI_AGAIN: "host name could not be resolved",
  ECONNRESET: "connection reset by the server",
  EPIPE: "connection closed by the server",
  PROTOCOL_CONNECTION_LOST: "connection lost",
  PROTOCOL_SEQUENCE_TIMEOUT: "query timed out",
  ER_ACCESS_DENIED_ERROR: "access denied: check the user name and password",
  ER_DBACCESS_DENIED_ERROR: "the user may not use this database",
  ER_TABLEACCESS_DENIED_ERROR: "the user may not read a required table",
  ER_BAD_DB_ERROR: "database does not exist",
  ER_NO_SUCH_TABLE: "a required table is missing",
  ER_CON_COUNT_ERROR: "too many connections",
  ER_SERVER_SHUTDOWN: "the server is shutting down",
  ER_HOST_NOT_PRIVILEGED: "this host may not connect",
};

/** "access denied: check the user name and password (Access denied for user 'x'@'y' (using password: YES))". */
export function explainDatabaseError(error: unknown, password: string): string {
  const raw = error instanceof Error ? error.message : String(error);
  const code = isDriverError(error) ? error.code : undefined;
  const explanation = code ? EXPLANATIONS[code] : undefined;
  const detail = redactSecret(raw.replace(/\s+/g, " ").trim(), password);
  if (!explanation) return detail || code || "unknown error";
  return detail && !detail.includes(explanation) ? `${explanation} (${detail})` : explanation;
}
