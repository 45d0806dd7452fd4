import { handleApiRequest, parseId } from "@/lib/api/handler";
import { deleteScenario, openScenario, updateScenario } from "@/lib/whatif/scenarios";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

/** A scenario re-evaluated against the live state, for anyone who may see all its hosts. */
export function GET(request: Request, { params }: Params) {
  return handleApiRequest(request, async (context) =>
    Response.json(await openScenario(context, parseId((await params).id)), { headers: { "Cache-Control": "no-store" } }),
  );
}

/** Renames it or replaces its changes (owner only). */
export function PATCH(request: Request, { params }: Params) {
  return handleApiRequest(request, async (context) => Response.json(await updateScenario(context, parseId((await params).id), context.body)));
}

export function DELETE(request: Request, { params }: Params) {
  return handleApiRequest(request, async (context) => {
    await deleteScenario(context, parseId((await params).id));
    return new Response(null, { status: 204 });
  });
}
