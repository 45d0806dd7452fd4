import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageCapability } from "@/lib/auth/page-guards";
import { listBusinessServices, listComponents } from "@/lib/config";
import { getPrisma } from "@/lib/db";
import { ItemListAside, ItemListLink } from "@/components/ui/item-list-aside";
import { PageHeader } from "@/components/ui/page-header";
import { ConfigureTabs } from "@/components/configure/configure-tabs";
import { ConfigureNotice } from "@/components/configure/configure-notice";
import { ServiceEditor } from "@/components/configure/service-editor";
import { ConfigureSla } from "@/components/sla/configure-sla";
import { businessServiceRef } from "@/lib/status/bsm-object";

export const metadata: Metadata = { title: "Configure business services" };

export default async function ConfigureServicesPage({ searchParams }: { searchParams: Promise<{ id?: string }> }) {
  const { access } = await requirePageCapability("configureBsm");
  const title = <PageHeader title="Configure BSM">Business services: an ordered list of components.</PageHeader>;
  const prisma = getPrisma();
  const [services, components] = await Promise.all([listBusinessServices(prisma, access), listComponents(prisma, access)]);
  const editable = services.filter((service) => service.canEdit);
  const { id } = await searchParams;
  const selected = editable.find((service) => String(service.id) === id) ?? null;
  // A service the user may not edit (or that does not exist) is not found, as in the API.
  if (id !== undefined && selected === null) notFound();
  const drawer = components.filter((component) => access.canSeeComponentHosts(component.id)).map((component) => ({ id: component.id, name: component.name, hostsCount: component.hostsCount, operationalZonePercent: component.operationalZonePercent }));
  return (
    <>
      {title}
      <ConfigureTabs current="services" components={access.has("configureBsmComponents")} services />
      <ConfigureNotice />
      <div className="mt-4 grid grid-cols-1 md:grid-cols-[16rem_minmax(0,1fr)] gap-6">
        <ItemListAside label="Business services" newItem={{ href: "/configure/services", label: "New business service" }} testId="service-list">
          {editable.map((service) => (
            <ItemListLink key={service.id} href={`/configure/services?id=${service.id}`} current={service.id === selected?.id}>
              {service.name}
            </ItemListLink>
          ))}
        </ItemListAside>
        <ServiceEditor key={selected?.id ?? "new"} service={selected} drawer={drawer} />
      </div>
      {selected && <ConfigureSla access={access} objectRef={businessServiceRef(selected.id)} />}
    </>
  );
}
