import { handleApiRequest } from "@/lib/api/handler";
import { createComponent, listComponents } from "@/lib/config";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return handleApiRequest(request, async ({ prisma, access }) => Response.json({ list: await listComponents(prisma, access) }));
}

export function POST(request: Request) {
  return handleApiRequest(request, async (context) => Response.json({ id: (await createComponent(context, context.body)).id }, { status: 201 }));
}
