import { handleApiRequest, readJsonBody } from "@/lib/api/handler";
import { toApiTokenResource } from "@/lib/api/tokens";
import { createApiToken, listApiTokens } from "@/lib/auth/api-tokens";

export const dynamic = "force-dynamic";

/** The caller's own API tokens (never the tokens themselves). */
export function GET(request: Request) {
  return handleApiRequest(request, async ({ prisma, user }) => Response.json({ list: (await listApiTokens(prisma, user.id)).map(toApiTokenResource) }));
}

/** Creates one of the caller's own tokens; the token is in this answer only. */
export function POST(request: Request) {
  return handleApiRequest(request, async ({ prisma, user, token: creator }) => {
    const { token, view } = await createApiToken(prisma, user, await readJsonBody(request), creator);
    return Response.json({ ...toApiTokenResource({ ...view, expired: false }), token }, { status: 201 });
  });
}
