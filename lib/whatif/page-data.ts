import "server-only";
import type { PrismaClient } from "@prisma/client";
import type { Access } from "../auth/access";
import { whatIfCandidates, type WhatIfCandidates, type WhatIfScope } from "./candidates";
import { loadWhatIfState } from "./load-state";

/** The hosts the What-if page offers for a scope (null: the scope is missing or hidden). */
export async function loadWhatIfCandidates(prisma: PrismaClient, access: Access, scope: WhatIfScope): Promise<WhatIfCandidates | null> {
  const { config, checks } = await loadWhatIfState(prisma);
  return whatIfCandidates(config, checks, access, scope);
}
