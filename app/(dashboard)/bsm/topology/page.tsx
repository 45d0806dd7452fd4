import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PinButton } from "@/components/bsm/pin-button";
import { LiveTopology } from "@/components/topology/topology-view";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageCapability } from "@/lib/auth/page-guards";
import { loadTopology, parseTopologyQuery } from "@/lib/connectivity";
import { scopeKey, topologyQuery } from "@/lib/connectivity/topology";
import { getPrisma } from "@/lib/db";
import { ValidationError } from "@/lib/errors/app-error";

export const metadata: Metadata = { title: "Topology" };

export default async function TopologyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { access } = await requirePageCapability("bsm");
  const raw = await searchParams;
  const url = new URL("http://localhost/bsm/topology");
  for (const name of ["scope", "expand"]) {
    const value = raw[name];
    if (typeof value === "string") url.searchParams.set(name, value);
  }
  let parsed;
  try {
    parsed = parseTopologyQuery(url);
  } catch (error) {
    if (error instanceof ValidationError) notFound();
    throw error;
  }
  const view = await loadTopology(getPrisma(), access, parsed.scope, parsed.expand);
  if (view === null) notFound();
  const query = topologyQuery(view.scope, view.expanded);
  return (
    <>
      <PageHeader live title="Topology" action={<PinButton dashlet={{ kind: "topology", target: query }} />}>
        How monitoring data reaches each business service: the source, its host elements, the components (N hosts, R required online) and
        the services. Click a node for its views; collapsed groups expand. {view.scope.kind !== "estate" && <Link href="/bsm/topology" className="underline">Whole estate</Link>}
      </PageHeader>
      <p className="sr-only" data-testid="topology-scope">
        {scopeKey(view.scope)}
      </p>
      <LiveTopology key={query} query={query} initial={view} />
    </>
  );
}
