"use server";

import { requireActionContext } from "./action-context";
import type { ActionResult } from "../errors/action-result";
import { toActionResult } from "../errors/to-action-result";
import { getSourceActionCapabilities, listSourceActions, requestSourceAction, type SourceActionCapabilities, type SourceActionView } from "../source-actions";

const DONE: Record<SourceActionView["kind"], string> = {
  acknowledge: "Acknowledgement sent to the source; pending until the source shows it.",
  "remove-acknowledgement": "Removal of the acknowledgement sent to the source; pending until the source shows it.",
  downtime: "Downtime sent to the source; pending until the source shows it.",
  "remove-downtime": "Removal of the downtime sent to the source; pending until the source shows it.",
};

/** Acknowledge, schedule downtime or remove either (input as POST /api/actions/*, with `kind`). */
export async function requestSourceActionAction(input: unknown): Promise<ActionResult<SourceActionView>> {
  return toActionResult("send the action", async () => {
    const view = await requestSourceAction(await requireActionContext(), input);
    return { message: DONE[view.kind], data: view };
  });
}

/** The caller's actions (an administrator's: everyone's), newest first; `ids` narrows to those. */
export async function listSourceActionsAction(options: { ids?: number[] } = {}): Promise<ActionResult<SourceActionView[]>> {
  return toActionResult("list the actions", async () => {
    const ids = Array.isArray(options?.ids) ? options.ids.filter((id): id is number => typeof id === "number") : undefined;
    const list = await listSourceActions(await requireActionContext(), { ids });
    return { message: `${list.length} action${list.length === 1 ? "" : "s"}`, data: list };
  });
}

export async function getSourceActionCapabilitiesAction(): Promise<ActionResult<SourceActionCapabilities>> {
  return toActionResult("read what you may do", async () => {
    const capabilities = await getSourceActionCapabilities(await requireActionContext());
    return { message: capabilities.reason ?? "You may acknowledge and schedule downtime.", data: capabilities };
  });
}
