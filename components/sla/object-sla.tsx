import type { Access } from "@/lib/auth/access";
import { getPrisma } from "@/lib/db";
import { canEditSla, listExcludedPeriods, objectSla } from "@/lib/sla";
import type { BsmObjectRef } from "@/lib/status/bsm-object";
import { ExcludedPeriods } from "./excluded-periods";
import { formatMinutes, formatPercent } from "./format";

function Figure({ label, value, testId, warn = false }: { label: string; value: string; testId: string; warn?: boolean }) {
  return (
    <div>
      <dt className="text-xs text-gray-600 dark:text-gray-400">{label}</dt>
      <dd data-testid={testId} className={`text-base font-semibold ${warn ? "text-red-700 dark:text-red-400" : "text-gray-900 dark:text-gray-100"}`}>
        {value}
      </dd>
    </div>
  );
}

/**
 * The SLA panel of a Service or Component view (when the object has a target) and its excluded periods.
 * The caller has checked that the user may see the object.
 */
export async function ObjectSla({ access, objectRef }: { access: Access; objectRef: BsmObjectRef }) {
  const prisma = getPrisma();
  const [sla, periods] = await Promise.all([objectSla(prisma, access, objectRef), listExcludedPeriods(prisma, access, objectRef)]);
  const canEdit = canEditSla(access, objectRef);
  if (sla === null && periods.length === 0 && !canEdit) return null;
  const objectType = objectRef.objectType === "COMPONENT" ? "COMPONENT" : "BUSINESS_SERVICE";
  return (
    <section aria-label="SLA" data-testid="sla-panel" className="mt-6 rounded-lg border border-gray-200 bg-white p-4 dark:border-gray-700 dark:bg-gray-900">
      {sla !== null && (
        <>
          <h2 className="text-base font-semibold text-gray-900 dark:text-gray-100">
            SLA: {sla.target.targetPercent} % per {sla.target.period === "MONTH" ? "calendar month" : "calendar quarter"}
            <span className="ml-2 text-xs font-normal text-gray-600 dark:text-gray-400">
              ({sla.target.timeZone}; downtime {sla.target.countDowntime ? "counts" : "does not count"})
            </span>
          </h2>
          <dl className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-5">
            <Figure label="Achieved so far" value={formatPercent(sla.figures.achieved)} testId="sla-achieved" warn={!sla.figures.met} />
            <Figure label="Error budget" value={formatMinutes(sla.figures.budgetMs)} testId="sla-budget" />
            <Figure label="Budget used" value={`${formatMinutes(sla.figures.usedMs)} (${sla.figures.usedPercent.toFixed(1)} %)`} testId="sla-used" warn={sla.figures.usedPercent > 100} />
            <Figure label="Projected (rest operational)" value={formatPercent(sla.figures.projected)} testId="sla-projected" warn={!sla.figures.projectedMet} />
            <Figure label="Outages" value={String(sla.figures.outages.count)} testId="sla-outages" />
          </dl>
        </>
      )}
      <ExcludedPeriods objectType={objectType} objectId={Number(objectRef.objectKey)} periods={periods} canEdit={canEdit} />
    </section>
  );
}
