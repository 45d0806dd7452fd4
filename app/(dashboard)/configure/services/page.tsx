import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageCapability } from "@/lib/auth/page-guards";
import { listBusinessServices, listComponents } from "@/lib/config";
import { getPrisma } from "@/lib/db";
import { PageHeader } from "@/components/ui/page-header";
import { ConfigureTabs } from "@/components/configure/configure-tabs";
import { ServiceEditor } from "@/components/configure/service-editor";

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
      <div className="mt-4 grid grid-cols-[16rem_1fr] gap-6">
        <aside aria-label="Business services" className="rounded-lg bg-white p-3 shadow-sm">
          <Link href="/configure/services" className="mb-2 block rounded bg-slate-900 px-3 py-1.5 text-center text-sm font-medium text-white hover:bg-slate-700">
            New business service
          </Link>
          <ul className="max-h-[70vh] space-y-0.5 overflow-y-auto text-sm" data-testid="service-list">
            {editable.map((service) => (
              <li key={service.id}>
                <Link
                  href={`/configure/services?id=${service.id}`}
                  aria-current={service.id === selected?.id ? "page" : undefined}
                  className={`block rounded px-2 py-1 ${service.id === selected?.id ? "bg-slate-200 font-medium" : "hover:bg-slate-100"}`}
                >
                  {service.name}
                </Link>
              </li>
            ))}
          </ul>
        </aside>
        <ServiceEditor key={selected?.id ?? "new"} service={selected} drawer={drawer} />
      </div>
    </>
  );
}
