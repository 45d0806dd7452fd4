import { handleApiRequest, parseId } from "@/lib/api/handler";
import { deleteExcludedPeriod } from "@/lib/sla";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

export function DELETE(request: Request, { params }: Params) {
  return handleApiRequest(request, async (context) => {
    await deleteExcludedPeriod(context, parseId((await params).id));
    return new Response(null, { status: 204 });
  });
}
