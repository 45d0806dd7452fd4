import { handleApiRequest } from "@/lib/api/handler";
import { createScenario, listOwnScenarios } from "@/lib/whatif/scenarios";

export const dynamic = "force-dynamic";

/** The caller's own saved scenarios (without their results). */
export function GET(request: Request) {
  return handleApiRequest(request, async (context) => Response.json({ list: await listOwnScenarios(context) }));
}

/** Saves a scenario of the caller's; answers it with its evaluation. */
export function POST(request: Request) {
  return handleApiRequest(request, async (context) => Response.json(await createScenario(context, context.body), { status: 201 }));
}
