import type { PrismaClient } from "@prisma/client";
import type { Access } from "../auth/access";
import type { AuditActor } from "../audit/record-audit";

/** Who is configuring, what they may do, and the database: every configuration operation takes one. */
export interface ConfigContext {
  prisma: PrismaClient;
  user: AuditActor;
  access: Access;
}
