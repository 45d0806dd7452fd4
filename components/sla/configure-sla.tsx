import type { Access } from "@/lib/auth/access";
import { getPrisma } from "@/lib/db";
import { canEditSla, findSlaTarget } from "@/lib/sla";
import type { BsmObjectRef } from "@/lib/status/bsm-object";
import { SlaTargetForm } from "./sla-target-form";

/** The SLA target form of a Configure page, for users who may change it (CONFIGUREBSM). */
export async function ConfigureSla({ access, objectRef }: { access: Access; objectRef: BsmObjectRef }) {
  if (!canEditSla(access, objectRef)) return null;
  const target = await findSlaTarget(getPrisma(), objectRef);
  const objectType = objectRef.objectType === "COMPONENT" ? "COMPONENT" : "BUSINESS_SERVICE";
  const objectId = Number(objectRef.objectKey);
  return <SlaTargetForm key={`${objectType}:${objectId}`} objectType={objectType} objectId={objectId} target={target} />;
}
