import { handleApiRequest, parseId } from "@/lib/api/handler";
import { deleteBusinessService, listBusinessServices, updateBusinessService } from "@/lib/config";
import { NotFoundError } from "@/lib/errors/app-error";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

export function GET(request: Request, { params }: Params) {
  return handleApiRequest(request, async ({ prisma, access }) => {
    const id = parseId((await params).id);
    const service = (await listBusinessServices(prisma, access)).find((candidate) => candidate.id === id);
    if (!service) throw new NotFoundError(`no business service with id ${id}`);
    return Response.json(service);
  });
}

export function PUT(request: Request, { params }: Params) {
  return handleApiRequest(request, async (context) => {
    await updateBusinessService(context, parseId((await params).id), context.body);
    return new Response(null, { status: 204 });
  });
}

export function DELETE(request: Request, { params }: Params) {
  return handleApiRequest(request, async (context) => {
    await deleteBusinessService(context, parseId((await params).id));
    return new Response(null, { status: 204 });
  });
}
