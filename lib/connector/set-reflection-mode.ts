// Rules: docs/connector-rules.md §4.3 (modes).
import { z } from "zod";
import { LONG_TRANSACTION } from "../db/transaction-options";
import { requireCapability } from "../auth/access";
import { recordAudit } from "../audit/record-audit";
import { parseInput } from "../config/inputs";
import { REFLECTION_MODES, type ReflectionMode } from "../reflect";
import { type ConnectorContext } from "./context";
import { loadReflectionMode } from "./store";

const setReflectionModeInput = z.object({ mode: z.enum(REFLECTION_MODES, { error: "must be Manual, Semi-Automatic or Automatic" }) });

/** Database settings: how the poll's reflection treats changed and removed hosts. Administrators only. */
export async function setReflectionMode({ prisma, user, access }: ConnectorContext, raw: unknown): Promise<{ changed: boolean; mode: ReflectionMode }> {
  requireCapability(access, "administer");
  const { mode } = parseInput(setReflectionModeInput, raw);
  return prisma.$transaction(async (tx) => {
    const before = await loadReflectionMode(tx);
    if (before === mode) return { changed: false, mode };
    await tx.connectorSettings.upsert({ where: { id: 1 }, create: { id: 1, reflectionMode: mode }, update: { reflectionMode: mode } });
    await recordAudit(tx, user, { action: "connector.reflection-mode", target: "connector", detail: { from: before, to: mode } });
    return { changed: true, mode };
  }, LONG_TRANSACTION);
}
