import type { Metadata } from "next";
import Link from "next/link";
import { requirePageCapability } from "@/lib/auth/page-guards";
import { listComponents, listHostChoices, listHostTemplatesInUse } from "@/lib/config";
import { getPrisma } from "@/lib/db";
import { PageHeader } from "@/components/ui/page-header";
import { ConfigureTabs } from "@/components/configure/configure-tabs";
import { ComponentEditor } from "@/components/configure/component-editor";
import { ComponentReadOnly } from "@/components/configure/component-read-only";

export const metadata: Metadata = { title: "Configure components" };

export default async function ConfigureComponentsPage({ searchParams }: { searchParams: Promise<{ id?: string }> }) {
  const { access } = await requirePageCapability("configureBsmComponents");
  const title = <PageHeader title="Configure BSM">Components: a host template, the hosts using it, and how many must be online.</PageHeader>;
  const prisma = getPrisma();
  const [components, templates, hosts] = await Promise.all([listComponents(prisma, access), listHostTemplatesInUse(prisma), listHostChoices(prisma, access)]);
  const { id } = await searchParams;
  const selected = components.find((component) => String(component.id) === id) ?? null;
  return (
    <>
      {title}
      <ConfigureTabs current="components" components services={access.has("configureBsm")} />
      <div className="grid grid-cols-[16rem_1fr] gap-6">
        <aside aria-label="Components" className="rounded-lg bg-white p-3 shadow-sm">
          <Link href="/configure/components" className="mb-2 block rounded bg-slate-900 px-3 py-1.5 text-center text-sm font-medium text-white hover:bg-slate-700">
            New component
          </Link>
          <ul className="max-h-[70vh] space-y-0.5 overflow-y-auto text-sm" data-testid="component-list">
            {components.map((component) => (
              <li key={component.id}>
                <Link
                  href={`/configure/components?id=${component.id}`}
                  aria-current={component.id === selected?.id ? "page" : undefined}
                  className={`block rounded px-2 py-1 ${component.id === selected?.id ? "bg-slate-200 font-medium" : "hover:bg-slate-100"}`}
                >
                  {component.name}
                  {component.editRefusal !== null && <span className="ml-1 whitespace-nowrap text-xs text-slate-500">(view only)</span>}
                </Link>
              </li>
            ))}
          </ul>
        </aside>
        {selected?.editRefusal ? (
          <ComponentReadOnly component={selected} refusal={selected.editRefusal} />
        ) : (
          <ComponentEditor key={selected?.id ?? "new"} component={selected} templates={templates} hosts={hosts} />
        )}
      </div>
    </>
  );
}
