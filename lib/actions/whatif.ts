"use server";

import { requireCapability } from "../auth/access";
import { requireAccess } from "../auth/session";
import { getPrisma } from "../db";
import type { ActionResult, ActionSuccess } from "../errors/action-result";
import { toActionResult } from "../errors/to-action-result";
import { createScenario, deleteScenario, evaluateWhatIfForUser, updateScenario, type WhatIfContext } from "../whatif/scenarios";
import type { WhatIfView } from "../whatif/view";

async function run<Data = never>(what: string, work: (context: WhatIfContext) => Promise<string | ActionSuccess<Data>>): Promise<ActionResult<Data>> {
  return toActionResult(what, async () => {
    const { user, access } = await requireAccess();
    requireCapability(access, "bsm");
    return work({ prisma: getPrisma(), user, access });
  });
}

/** What the estate would look like after `changes` ([{ host, check?, to }]); nothing is written. */
export async function evaluateWhatIfAction(changes: unknown): Promise<ActionResult<WhatIfView>> {
  return run("evaluate the scenario", async (context) => ({ message: "Evaluated against the current state.", data: await evaluateWhatIfForUser(context, { changes }) }));
}

/** Saves a new scenario of the signed-in user's; its id for the page to open. */
export async function saveWhatIfScenarioAction(input: unknown): Promise<ActionResult<{ id: number; path: string }>> {
  return run("save the scenario", async (context) => {
    const { scenario } = await createScenario(context, input);
    return { message: `Saved "${scenario.name}".`, data: { id: scenario.id, path: scenario.path } };
  });
}

/** Renames a scenario and/or replaces its changes (its owner only). */
export async function updateWhatIfScenarioAction(id: number, input: unknown): Promise<ActionResult> {
  return run("save the scenario", async (context) => {
    const scenario = await updateScenario(context, id, input);
    return `Saved "${scenario.name}".`;
  });
}

export async function deleteWhatIfScenarioAction(id: number): Promise<ActionResult> {
  return run("delete the scenario", async (context) => {
    await deleteScenario(context, id);
    return "Scenario deleted.";
  });
}
