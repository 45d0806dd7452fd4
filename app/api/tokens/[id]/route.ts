import { handleApiRequest, parseId } from "@/lib/api/handler";
import { revokeOwnApiToken } from "@/lib/api/tokens";

export const dynamic = "force-dynamic";

/** Revokes one of the caller's own tokens (404 for any other). */
export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handleApiRequest(request, async ({ prisma, user }) => {
    await revokeOwnApiToken(prisma, user, parseId(id));
    return new Response(null, { status: 204 });
  });
}
