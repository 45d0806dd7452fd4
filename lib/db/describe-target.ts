import type { DatabaseTarget } from "../env";

/** A human description of where data lives, without credentials. */
export function describeDatabaseTarget(target: DatabaseTarget): string {
  if (target.kind === "pglite") {
    return target.dataDir.startsWith("memory://")
      ? "Embedded PGlite, in memory"
      : `Embedded PGlite in ${target.dataDir}`;
  }
  const url = new URL(target.url);
  return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ""}${url.pathname}`;
}
