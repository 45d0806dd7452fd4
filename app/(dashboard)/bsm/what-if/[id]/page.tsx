import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { WhatIfEditor } from "@/components/whatif/what-if-editor";
import { pageIdOrNotFound, requirePageCapability } from "@/lib/auth/page-guards";
import { getPrisma } from "@/lib/db";
import { NotFoundError } from "@/lib/errors/app-error";
import { whatIfCandidates } from "@/lib/whatif/candidates";
import { loadWhatIfState } from "@/lib/whatif/load-state";
import { openScenario } from "@/lib/whatif/scenarios";

export const metadata: Metadata = { title: "What-if scenario" };

/** A saved scenario, evaluated against the live state now; 404 for whoever may not see all its hosts. */
export default async function WhatIfScenarioPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, access } = await requirePageCapability("bsm");
  const id = pageIdOrNotFound((await params).id);
  const prisma = getPrisma();
  const state = await loadWhatIfState(prisma);
  const opened = await openScenario({ prisma, user, access }, id, state).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const candidates = whatIfCandidates(state.config, state.checks, access, { kind: "estate" })!;
  const { scenario, result } = opened;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/bsm/what-if" className="text-sky-700 underline hover:text-sky-900">
          ← What if …
        </Link>
      </p>
      <PageHeader title={scenario.name}>
        What-if scenario{scenario.mine ? "" : ` saved by ${scenario.owner.name}`}, evaluated against the current state. Nothing is changed in the monitoring.
      </PageHeader>
      <WhatIfEditor
        key={`${scenario.id}-${scenario.updatedAt}`}
        candidates={candidates}
        initialChanges={scenario.changes}
        initialResult={result}
        scenario={{ id: scenario.id, name: scenario.name, mine: scenario.mine, ownerName: scenario.owner.name, path: scenario.path }}
      />
    </>
  );
}
