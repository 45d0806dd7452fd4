// SQL pieces the history reads share.
import { Prisma } from "@prisma/client";
import { epochMsOf } from "../db/sql-time";
import type { BsmObjectRef } from "../status/bsm-object";

/** A timestamp column as epoch milliseconds (lib/db/sql-time), for Prisma.sql queries. */
export function epochMs(column: string): Prisma.Sql {
  return Prisma.raw(epochMsOf(column));
}

/** The refs grouped by object type: one `= ANY(keys)` per type keeps each one an index range. */
export function keysByType(refs: readonly BsmObjectRef[]): Map<string, string[]> {
  const byType = new Map<string, string[]>();
  for (const ref of refs) {
    const keys = byType.get(ref.objectType);
    if (keys) keys.push(ref.objectKey);
    else byType.set(ref.objectType, [ref.objectKey]);
  }
  return byType;
}

/** SQL: the row ("objectType", "objectKey") is one of these objects. */
export function isOneOf(refs: readonly BsmObjectRef[]): Prisma.Sql {
  const parts = [...keysByType(refs)].map(([type, keys]) => Prisma.sql`("objectType" = ${type}::"BsmObjectType" AND "objectKey" = ANY(${keys}::text[]))`);
  return parts.length === 0 ? Prisma.sql`FALSE` : Prisma.join(parts, " OR ");
}
