import { errorResponse } from "@/lib/api/errors";
import type { Access } from "@/lib/auth/access";
import { loadAccess } from "@/lib/auth/load-access";
import { getCurrentUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";

/** Runs a view query for the signed-in user with BSM access: 401/403/404/503 as JSON with a message otherwise. */
export async function respondWithView<T>(load: (access: Access) => Promise<T | null>, notFound = "Not found, or you do not have access to it"): Promise<Response> {
  try {
    const user = await getCurrentUser();
    if (!user) return Response.json({ error: "Sign in first" }, { status: 401 });
    const access = await loadAccess(getPrisma(), user.id);
    if (!access.has("bsm")) return Response.json({ error: "This needs the BSM access permission" }, { status: 403 });
    const view = await load(access);
    if (view === null) return Response.json({ error: notFound }, { status: 404 });
    return Response.json(view, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

export { parseIdSegment as parseId } from "@/lib/validation/fields";
