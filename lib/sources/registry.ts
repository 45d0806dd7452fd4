import { icingaApiSourceKind } from "./icinga-api";
import { icingaIdoSourceKind } from "./ido";
import { opsviewDatabaseSourceKind } from "./opsview-db";
import { opsviewRestSourceKind } from "./opsview-rest";
import { simulatedSourceKind } from "./simulated";
import type { SourceKindDefinition } from "./source-kind";

/**
 * The one list of monitoring source kinds, in the order the settings form offers them. BSM_SOURCE,
 * the settings form, Test connection and the poller all read it; a new kind is one entry here.
 */
export const SOURCE_KINDS = {
  simulated: simulatedSourceKind,
  "opsview-db": opsviewDatabaseSourceKind,
  "opsview-rest": opsviewRestSourceKind,
  "icinga-api": icingaApiSourceKind,
  "icinga-ido": icingaIdoSourceKind,
} satisfies Record<string, SourceKindDefinition>;

export type SourceKind = keyof typeof SOURCE_KINDS;

export function isSourceKind(kind: string): kind is SourceKind {
  return Object.hasOwn(SOURCE_KINDS, kind);
}

export const SOURCE_KIND_NAMES: readonly SourceKind[] = Object.keys(SOURCE_KINDS).filter(isSourceKind);

export function sourceKindDefinition(kind: SourceKind): SourceKindDefinition {
  return SOURCE_KINDS[kind];
}

/** The poll interval of a kind when nothing sets one: 1 s where an incremental read is cheap (the databases, by an index), else 10 s. */
export function defaultPollIntervalSeconds(kind: string): number {
  return (isSourceKind(kind) ? sourceKindDefinition(kind).defaultPollIntervalSeconds : undefined) ?? 10;
}
