import type { DatabaseTarget } from "../env";

/**
 * A human description of where data lives, never with credentials. Its address (server, port,
 * directory) only for administrators (`withAddress`): it names internal hosts.
 */
export function describeDatabaseTarget(target: DatabaseTarget, { withAddress }: { withAddress: boolean }): string {
  if (target.kind === "pglite") {
    if (target.dataDir.startsWith("memory://")) return "Embedded PGlite, in memory";
    return withAddress ? `Embedded PGlite in ${target.dataDir}` : "Embedded PGlite";
  }
  if (!withAddress) return "PostgreSQL server";
  const url = new URL(target.url);
  return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ""}${url.pathname}`;
}
