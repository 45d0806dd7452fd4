import { getSourceActions } from "@/lib/api/source-actions";

export const dynamic = "force-dynamic";

/** The caller's acknowledgements and downtimes (an administrator's: everyone's), newest first. */
export function GET(request: Request) {
  return getSourceActions(request);
}
