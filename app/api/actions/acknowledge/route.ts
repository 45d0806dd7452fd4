import { postSourceAction } from "@/lib/api/source-actions";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return postSourceAction(request, "acknowledge");
}
