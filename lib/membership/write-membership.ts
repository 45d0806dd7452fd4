import type { Prisma } from "@prisma/client";
import { recordAudit, type AuditActor, type SystemActor } from "../audit/record-audit";
import { countInChunks } from "../db/in-chunks";
import type { ReflectionMode } from "../reflect";
import type { RuleHost } from "./rule";

type Tx = Prisma.TransactionClient;

/** Locks the components so the poll's evaluation and a user's review never decide on the same one at once. */
export async function lockComponents(tx: Tx, componentIds: readonly number[]): Promise<void> {
  if (componentIds.length === 0) return;
  await tx.$queryRawUnsafe(`SELECT id FROM "Component" WHERE id = ANY($1::int[]) ORDER BY id FOR UPDATE`, [...componentIds]);
}

/**
 * Adds hosts at the end and removes others, keeping positions 0..n-1, with one audit entry. The
 * ComponentHost triggers raise the configuration version, so statuses follow at the next poll.
 */
export async function changeMembership(
  tx: Tx,
  author: AuditActor | SystemActor,
  component: { id: number; memberIds: readonly number[] },
  change: { add: readonly RuleHost[]; remove: readonly RuleHost[]; cause: "poll" | "review"; mode?: ReflectionMode },
): Promise<void> {
  if (change.add.length === 0 && change.remove.length === 0) return;
  const removed = new Set(change.remove.map((host) => host.id));
  const hostIds = [...component.memberIds.filter((hostId) => !removed.has(hostId)), ...change.add.map((host) => host.id)];
  await tx.componentHost.deleteMany({ where: { componentId: component.id } });
  await tx.componentHost.createMany({ data: hostIds.map((hostId, position) => ({ componentId: component.id, hostId, position })) });
  const applied = [...change.add, ...change.remove].map((host) => host.id);
  await countInChunks(applied, async (hostIds) => (await tx.componentMembershipChange.deleteMany({ where: { componentId: component.id, hostId: { in: hostIds } } })).count);
  await recordAudit(tx, author, {
    action: "component.membership.apply",
    target: `component:${component.id}`,
    detail: {
      cause: change.cause,
      ...(change.mode === undefined ? {} : { mode: change.mode }),
      added: change.add.map((host) => host.name),
      removed: change.remove.map((host) => host.name),
    },
  });
}
