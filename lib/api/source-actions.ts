import { getSourceActionCapabilities, listSourceActions, requestSourceAction, type SourceActionKind } from "../source-actions";
import { DeferredInput } from "../validation/deferred-input";
import { ValidationError } from "../errors/app-error";
import { handleApiRequest, type ApiContext } from "./handler";

/** POST /api/actions/<kind>: the body is the action without `kind`; 202 with the action, pending. */
export function postSourceAction(request: Request, kind: SourceActionKind): Promise<Response> {
  return handleApiRequest(request, async (context: ApiContext) => {
    const body = new DeferredInput(async () => {
      const raw = await context.body.read();
      return typeof raw === "object" && raw !== null && !Array.isArray(raw) ? { ...raw, kind } : raw;
    });
    return Response.json(await requestSourceAction(context, body), { status: 202 });
  });
}

/** GET /api/actions?ids=1,2&limit=50 */
export function getSourceActions(request: Request): Promise<Response> {
  return handleApiRequest(request, async (context) => {
    const idsParam = context.url.searchParams.get("ids");
    const limitParam = context.url.searchParams.get("limit");
    const ids = idsParam === null || idsParam === "" ? undefined : idsParam.split(",").map((part) => Number(part.trim()));
    if (ids?.some((id) => !Number.isInteger(id) || id < 1)) throw new ValidationError({ ids: "must be whole numbers, comma-separated" });
    const limit = limitParam === null ? undefined : Number(limitParam);
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > 200)) throw new ValidationError({ limit: "must be a whole number from 1 to 200" });
    return Response.json({ list: await listSourceActions(context, { ids, limit }) }, { headers: { "Cache-Control": "no-store" } });
  });
}

export function getSourceActionCapabilitiesResponse(request: Request): Promise<Response> {
  return handleApiRequest(request, async (context) => Response.json(await getSourceActionCapabilities(context), { headers: { "Cache-Control": "no-store" } }));
}
