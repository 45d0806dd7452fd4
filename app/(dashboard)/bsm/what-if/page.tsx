import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { Time } from "@/components/ui/time";
import { WhatIfEditor } from "@/components/whatif/what-if-editor";
import { requirePageCapability } from "@/lib/auth/page-guards";
import { getPrisma } from "@/lib/db";
import { parseIdSegment } from "@/lib/validation/fields";
import { prefilledChanges, whatIfCandidates, type WhatIfScope } from "@/lib/whatif/candidates";
import { loadWhatIfState } from "@/lib/whatif/load-state";
import { evaluateWhatIfForUser, listOwnScenarios } from "@/lib/whatif/scenarios";

export const metadata: Metadata = { title: "What if" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** ?service=ID or ?component=ID limit the hosts offered; ?hosts=a,b starts with those hosts failed. A scope the user may not see is 404. */
function scopeOf(params: Record<string, string | string[] | undefined>): WhatIfScope {
  const service = first(params.service);
  const component = first(params.component);
  if (service !== undefined) {
    const id = parseIdSegment(service);
    if (id === null) notFound();
    return { kind: "service", id };
  }
  if (component !== undefined) {
    const id = parseIdSegment(component);
    if (id === null) notFound();
    return { kind: "component", id };
  }
  return { kind: "estate" };
}

export default async function WhatIfPage({ searchParams }: { searchParams: SearchParams }) {
  const { user, access } = await requirePageCapability("bsm");
  const params = await searchParams;
  const prisma = getPrisma();
  const scope = scopeOf(params);
  const state = await loadWhatIfState(prisma);
  const candidates = whatIfCandidates(state.config, state.checks, access, scope);
  if (candidates === null) notFound();
  const { changes, notOffered } = prefilledChanges((first(params.hosts) ?? "").split(",").slice(0, 200), candidates);
  const context = { prisma, user, access };
  const [initialResult, saved] = await Promise.all([changes.length > 0 ? evaluateWhatIfForUser(context, { changes }, state) : null, listOwnScenarios(context)]);
  return (
    <>
      <PageHeader title="What if …">
        Mark hosts or checks as failed, in downtime or recovered and see which components lose their operational zone and which business services go OFFLINE, DOWNTIME or
        become impacted. The status engine evaluates a copy of the current state: nothing is changed in the monitoring.
      </PageHeader>
      {notOffered.length > 0 && (
        <p role="status" className="mb-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-600/30">
          Not offered (in no component you may see): {notOffered.join(", ")}
        </p>
      )}
      <WhatIfEditor candidates={candidates} initialChanges={changes} initialResult={initialResult} />
      <section aria-labelledby="saved-scenarios" className="mt-8">
        <h2 id="saved-scenarios" className="mb-2 text-lg font-semibold">
          Your saved scenarios
        </h2>
        {saved.length === 0 ? (
          <p className="text-sm text-slate-600">None yet. Saved scenarios can be shared by their link.</p>
        ) : (
          <ul className="space-y-1 text-sm" data-testid="whatif-saved">
            {saved.map((scenario) => (
              <li key={scenario.id}>
                <Link href={scenario.path} className="font-medium text-blue-800 underline-offset-2 hover:underline">
                  {scenario.name}
                </Link>{" "}
                <span className="text-slate-600">
                  · {scenario.changes.length} {scenario.changes.length === 1 ? "change" : "changes"} · saved <Time at={scenario.updatedAt} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
