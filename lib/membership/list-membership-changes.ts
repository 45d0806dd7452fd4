import type { PrismaClient } from "@prisma/client";
import { requireCapability, type Access } from "../auth/access";
import { loadReviewableChanges, MEMBERSHIP_CHANGE_WORDS } from "./review";

export interface MembershipChangeView {
  id: number;
  component: { id: number; name: string };
  host: string;
  /** Detected: the rule gained the host; Removed: it lost it. */
  status: "Detected" | "Removed";
  detectedAt: string;
  /** Why applying it is refused now (R would break); null when it may be applied. */
  error: string | null;
}

/** The membership changes waiting for review that this user may apply or dismiss, by component and host. */
export async function listMembershipChanges(prisma: PrismaClient, access: Access): Promise<MembershipChangeView[]> {
  requireCapability(access, "configureBsmComponents");
  const changes = await loadReviewableChanges(prisma, access);
  return changes.map((change) => ({
    id: change.id,
    component: { id: change.componentId, name: change.componentName },
    host: change.hostName,
    status: MEMBERSHIP_CHANGE_WORDS[change.kind],
    detectedAt: change.detectedAt.toISOString(),
    error: change.error,
  }));
}
