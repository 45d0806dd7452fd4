import { respondJson } from "@/lib/api/handler";
import { openApiDocument } from "@/lib/api/openapi";

export function GET() {
  return respondJson(async () => Response.json(openApiDocument));
}
