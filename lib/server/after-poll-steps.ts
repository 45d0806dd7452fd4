import type { Database } from "../db/client";
import { lineLogger, logFor } from "../log";
import type { AfterPollStep } from "../poller/poller";
import { createReflectAfterPollStep } from "../connector/reflect-after-poll";
import { createMembershipAfterPollStep } from "../membership/evaluate-rules";
import { createNotificationStep } from "../notify/runtime/notification-step";

/**
 * What runs after every successful poll cycle, in order: host reflection, membership rules, then notifications.
 * Each feature registers its step here; a failing step is logged by the poller and never stops it.
 */
export function afterPollSteps(database: Database): AfterPollStep[] {
  return [createReflectAfterPollStep(), createMembershipAfterPollStep(), createNotificationStep(database, { log: lineLogger(logFor("notify")) })];
}
