import { NextResponse } from "next/server";
import { getDatabase } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = getDatabase();
  try {
    await database.prisma.$queryRaw`SELECT 1`;
    return NextResponse.json({ ok: true, database: database.target.kind });
  } catch {
    return NextResponse.json({ ok: false, database: database.target.kind, error: "database unreachable" }, { status: 503 });
  }
}
