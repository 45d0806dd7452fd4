import type { Access } from "../auth/access";
import { canSeeEstateFigures } from "../auth/estate-figures";

/**
 * What an empty Overview or Hosts table says. Only a user who sees every host may be told that
 * nothing has been read or reflected yet; for anyone else the table is empty because of what they
 * may see, and saying otherwise would be untrue (and would hint at the rest of the estate).
 */
export function emptyOverviewMessage(access: Access, search: string | undefined): string {
  if (search) return `No host you may see matches “${search}”.`;
  return canSeeEstateFigures(access) ? "No hosts have been read from the monitoring source yet." : "There are no hosts you may see.";
}

export function emptyHostElementsMessage(access: Access, search: string | undefined): string {
  if (search) return `No host element you may see matches “${search}”.`;
  return canSeeEstateFigures(access)
    ? "No host elements yet. Hosts become host elements when they are reflected from the Overview table."
    : "There are no host elements you may see.";
}
