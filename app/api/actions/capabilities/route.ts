import { getSourceActionCapabilitiesResponse } from "@/lib/api/source-actions";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return getSourceActionCapabilitiesResponse(request);
}
