// Rules: docs/notification-rules.md §6.3 (how much error budget each window spent).
import type { PrismaClient } from "@prisma/client";

import { availabilityOver } from "../../history";
import { objectRefKey, type BsmObjectRef } from "../../status/bsm-object";
import { calendarPeriod } from "../../time/calendar";
import { countedProblemMs, errorBudgetMs } from "../../sla/figures";
import { loadSlaTargets } from "../../sla/targets";
import { budgetSpentPercent, burnRateWindowsOf } from "../burn-rate";
import { coveredObjectsOf, type StoredProfile } from "../profiles/profile-store";
import type { BurnFigure } from "../types";

const MINUTE_MS = 60_000;

interface Watched {
  ref: BsmObjectRef;
  windows: Set<number>;
}

/** The covered objects of profiles with the burn trigger, each with every window length asked for it. */
function watchedObjects(profiles: readonly StoredProfile[]): Map<string, Watched> {
  const watched = new Map<string, Watched>();
  for (const profile of profiles) {
    if (!profile.rules.triggers.includes("burn")) continue;
    const lengths = burnRateWindowsOf(profile.rules).map((window) => window.windowMinutes);
    for (const ref of coveredObjectsOf(profile)) {
      const key = objectRefKey(ref);
      const entry = watched.get(key) ?? { ref, windows: new Set<number>() };
      for (const length of lengths) entry.windows.add(length);
      watched.set(key, entry);
    }
  }
  return watched;
}

/**
 * Per object (objectRefKey) with an SLA target and covered by a burn profile: the budget spent in each
 * window ending at `now`. Objects without an SLA are absent (they never burn).
 */
export async function loadBurnFigures(prisma: PrismaClient, profiles: readonly StoredProfile[], now: number): Promise<Map<string, BurnFigure[]>> {
  const result = new Map<string, BurnFigure[]>();
  const watched = watchedObjects(profiles);
  if (watched.size === 0) return result;
  const targets = await loadSlaTargets(prisma);

  const groups = new Map<string, { windowMinutes: number; countDowntime: boolean; refs: BsmObjectRef[] }>();
  const budgets = new Map<string, number>();
  for (const [key, entry] of watched) {
    const target = targets.get(key);
    if (!target) continue;
    let period;
    try {
      period = calendarPeriod(now, target.period, target.timeZone);
    } catch {
      continue; // A time zone this runtime does not know: the SLA cannot be placed in time.
    }
    budgets.set(key, errorBudgetMs(target.targetPercent, period));
    result.set(key, []);
    for (const windowMinutes of entry.windows) {
      const groupKey = `${windowMinutes}|${target.countDowntime}`;
      const group = groups.get(groupKey) ?? { windowMinutes, countDowntime: target.countDowntime, refs: [] };
      group.refs.push(entry.ref);
      groups.set(groupKey, group);
    }
  }

  for (const { windowMinutes, countDowntime, refs } of groups.values()) {
    const figures = await availabilityOver(prisma, refs, { from: now - windowMinutes * MINUTE_MS, to: now, now, excludeDowntime: !countDowntime });
    for (const ref of refs) {
      const key = objectRefKey(ref);
      const window = figures.get(key);
      if (!window) continue;
      result.get(key)?.push({ windowMinutes, spentPercent: budgetSpentPercent(countedProblemMs(window, countDowntime), budgets.get(key) ?? 0) });
    }
  }
  return result;
}
