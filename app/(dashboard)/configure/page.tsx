import { redirect } from "next/navigation";
import { requireAccess } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { Refusal } from "@/components/configure/refusal";

export default async function ConfigurePage() {
  const { access } = await requireAccess();
  if (access.has("configureBsmComponents")) redirect("/configure/components");
  if (access.has("configureBsm")) redirect("/configure/services");
  return (
    <>
      <PageHeader title="Configure BSM" />
      <Refusal>Configuring BSM needs the CONFIGUREBSM or CONFIGUREBSMCOMPONENTS permission.</Refusal>
    </>
  );
}
