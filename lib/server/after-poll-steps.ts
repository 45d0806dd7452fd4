import type { Database } from "../db/client";
import type { AfterPollStep } from "../poller/poller";
import { createReflectAfterPollStep } from "../connector/reflect-after-poll";

/**
 * What runs after every successful poll cycle, in order: host reflection, then notifications.
 * Each feature registers its step here; a failing step is logged by the poller and never stops it.
 */
export function afterPollSteps(database: Database): AfterPollStep[] {
  void database;
  return [createReflectAfterPollStep()];
}
