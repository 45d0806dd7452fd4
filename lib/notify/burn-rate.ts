// Rules: docs/notification-rules.md §6.3 (the burn trigger: error budget burning). Pure.
import { z } from "zod";

import type { BurnFigure, BurnRateWindow, NotificationRules } from "./types";

/** The SRE defaults: 2 % of the period's budget spent in 1 hour, or 5 % in 6 hours. */
export const DEFAULT_BURN_RATE_WINDOWS: readonly BurnRateWindow[] = [
  { windowMinutes: 60, budgetPercent: 2 },
  { windowMinutes: 360, budgetPercent: 5 },
];

export const MAX_BURN_RATE_WINDOWS = 4;
/** 30 days. */
export const MAX_BURN_WINDOW_MINUTES = 43_200;

export const burnRateWindowSchema = z.object({
  windowMinutes: z.int().min(1).max(MAX_BURN_WINDOW_MINUTES),
  budgetPercent: z.number().gt(0).max(100),
});

/** 1–4 windows, each length once. */
export const burnRateWindowsSchema = z
  .array(burnRateWindowSchema)
  .min(1)
  .max(MAX_BURN_RATE_WINDOWS)
  .refine((windows) => new Set(windows.map((window) => window.windowMinutes)).size === windows.length, "each window length may appear once");

export function burnRateWindowsOf(rules: Pick<NotificationRules, "burnRateWindows">): readonly BurnRateWindow[] {
  return rules.burnRateWindows ?? DEFAULT_BURN_RATE_WINDOWS;
}

/**
 * Percent of the budget that `badMs` of non-operational time spends. A 100 % target has no budget:
 * any non-operational time then spends "everything", reported as the largest finite number so the
 * figure stays plain JSON.
 */
export function budgetSpentPercent(badMs: number, budgetMs: number): number {
  if (badMs <= 0) return 0;
  if (budgetMs <= 0) return Number.MAX_VALUE;
  return (badMs / budgetMs) * 100;
}

/** Burning when some window of the profile spent at least its share; windows without a figure spent nothing. */
export function isBurning(figures: readonly BurnFigure[] | undefined, windows: readonly BurnRateWindow[]): boolean {
  if (!figures || figures.length === 0) return false;
  return windows.some((window) => {
    const figure = figures.find((candidate) => candidate.windowMinutes === window.windowMinutes);
    return figure !== undefined && figure.spentPercent > 0 && figure.spentPercent >= window.budgetPercent;
  });
}
