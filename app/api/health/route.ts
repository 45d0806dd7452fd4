import { respondJson } from "@/lib/api/handler";
import { getDatabase } from "@/lib/db";
import { UnavailableError } from "@/lib/errors/app-error";

export const dynamic = "force-dynamic";

/** Whether the application database answers: 200 with its kind, or 503. */
export function GET() {
  return respondJson(async () => {
    const database = getDatabase();
    try {
      await database.prisma.$queryRaw`SELECT 1`;
    } catch (error) {
      throw new UnavailableError(`database unreachable (${database.target.kind})`, { cause: error });
    }
    return Response.json({ ok: true, database: database.target.kind });
  });
}
