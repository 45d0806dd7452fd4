"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getSourceActionCapabilitiesAction, listSourceActionsAction } from "@/lib/actions/source-actions";
import type { ActionResult } from "@/lib/errors/action-result";
import type { SourceActionCapabilities, SourceActionView } from "@/lib/source-actions/types";
import { isUnsettled } from "./action-words";

/** How often the list asks again while the source has yet to answer (the poll brings its answer). */
export const ACTION_POLL_MS = 2_000;

export class SourceActionRequestError extends Error {}

function dataOf<T>(result: ActionResult<T>): T {
  if (result.status === "ok" && result.data !== undefined) return result.data;
  throw new SourceActionRequestError(result.status === "error" ? result.message : "The server gave no answer.");
}

/** What this user may do through the source here: asked once per page (buttons share the answer). */
export function useSourceActionCapabilities() {
  return useQuery<SourceActionCapabilities>({
    queryKey: ["source-actions", "capabilities"],
    queryFn: async () => dataOf(await getSourceActionCapabilitiesAction()),
    staleTime: 60_000,
    retry: 1,
  });
}

/** The actions with these ids, asked again every 2 s while any of them is pending or sent. */
export function useSourceActionList(ids: readonly number[]) {
  return useQuery<SourceActionView[]>({
    queryKey: ["source-actions", "list", ...ids],
    queryFn: async () => dataOf(await listSourceActionsAction({ ids: [...ids] })),
    enabled: ids.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.some((action) => isUnsettled(action.status)) ? ACTION_POLL_MS : false),
  });
}
