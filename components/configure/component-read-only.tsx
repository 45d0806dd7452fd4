import type { ComponentConfigView } from "@/lib/config";

/** A component the user may see but not change (seen only through a business service): no form, and why. */
export function ComponentReadOnly({ component, refusal }: { component: ComponentConfigView; refusal: string }) {
  return (
    <section aria-label="Component editor" className="space-y-4 rounded-lg bg-white p-6 text-sm shadow-sm">
      <h2 className="text-lg font-semibold">{component.name}</h2>
      <p role="note" data-testid="edit-refusal" className="max-w-xl rounded bg-amber-50 px-3 py-2 text-amber-900 ring-1 ring-amber-600/30">
        You cannot change or delete this component: {refusal}.
      </p>
      <dl className="grid max-w-md grid-cols-1 sm:grid-cols-[10rem_minmax(0,1fr)] [overflow-wrap:anywhere] gap-x-4 gap-y-2">
        <dt className="font-medium">Host template</dt>
        <dd>{component.hostTemplate.name}</dd>
        <dt className="font-medium">Hosts</dt>
        <dd data-testid="hosts-count">{component.hosts.length > 0 ? component.hosts.map((host) => host.name).join(", ") : `${component.hostsCount} (you do not have access to the hosts)`}</dd>
        {component.rule !== null && (
          <>
            <dt className="font-medium">Membership rule</dt>
            <dd data-testid="membership-rule">{describeRule(component.rule)}</dd>
          </>
        )}
        <dt className="font-medium">Required Online</dt>
        <dd>{component.requiredOnline}</dd>
        {component.notes.trim() !== "" && (
          <>
            <dt className="font-medium">Notes</dt>
            <dd className="break-words whitespace-pre-wrap">{component.notes}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

function describeRule(rule: NonNullable<ComponentConfigView["rule"]>): string {
  const conditions = [rule.hostGroup === null ? null : `in host group ${rule.hostGroup}`, rule.namePattern === null ? null : `named like ${rule.namePattern}`];
  return `The template's hosts ${conditions.filter((condition) => condition !== null).join(" and ")}`;
}
