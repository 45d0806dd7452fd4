import type { Metadata } from "next";
import { requirePageCapability } from "@/lib/auth/page-guards";
import { listComponents, listHostChoices, listHostTemplatesInUse } from "@/lib/config";
import { getPrisma } from "@/lib/db";
import { ItemListAside, ItemListLink } from "@/components/ui/item-list-aside";
import { PageHeader } from "@/components/ui/page-header";
import { ConfigureTabs } from "@/components/configure/configure-tabs";
import { ConfigureNotice } from "@/components/configure/configure-notice";
import { ComponentEditor } from "@/components/configure/component-editor";
import { ComponentReadOnly } from "@/components/configure/component-read-only";
import { ConfigureSla } from "@/components/sla/configure-sla";
import { componentRef } from "@/lib/status/bsm-object";

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
      <ConfigureNotice />
      <div className="grid grid-cols-1 md:grid-cols-[16rem_minmax(0,1fr)] gap-6">
        <ItemListAside label="Components" newItem={{ href: "/configure/components", label: "New component" }} testId="component-list">
          {components.map((component) => (
            <ItemListLink key={component.id} href={`/configure/components?id=${component.id}`} current={component.id === selected?.id}>
              {component.name}
              {component.editRefusal !== null && <span className="ml-1 whitespace-nowrap text-xs text-slate-500">(view only)</span>}
            </ItemListLink>
          ))}
        </ItemListAside>
        {selected?.editRefusal ? (
          <ComponentReadOnly component={selected} refusal={selected.editRefusal} />
        ) : (
          <ComponentEditor key={selected?.id ?? "new"} component={selected} templates={templates} hosts={hosts} />
        )}
      </div>
      {selected && <ConfigureSla access={access} objectRef={componentRef(selected.id)} />}
    </>
  );
}
