import { handleApiRequest, parseId } from "@/lib/api/handler";
import { deleteComponent, listComponents, updateComponent } from "@/lib/config";
import { NotFoundError } from "@/lib/errors/app-error";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

export function GET(request: Request, { params }: Params) {
  return handleApiRequest(request, async ({ prisma, access }) => {
    const id = parseId((await params).id);
    const component = (await listComponents(prisma, access)).find((candidate) => candidate.id === id);
    if (!component) throw new NotFoundError(`no component with id ${id}`);
    return Response.json(component);
  });
}

export function PUT(request: Request, { params }: Params) {
  return handleApiRequest(request, async (context) => {
    await updateComponent(context, parseId((await params).id), context.body);
    return new Response(null, { status: 204 });
  });
}

export function DELETE(request: Request, { params }: Params) {
  return handleApiRequest(request, async (context) => {
    const removeFromServices = context.url.searchParams.get("removeFromServices") === "true";
    await deleteComponent(context, parseId((await params).id), { removeFromServices });
    return new Response(null, { status: 204 });
  });
}
