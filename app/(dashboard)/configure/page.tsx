import { forbidden, redirect } from "next/navigation";
import { requireAccess } from "@/lib/auth/session";

export default async function ConfigurePage() {
  const { access } = await requireAccess();
  if (access.has("configureBsmComponents")) redirect("/configure/components");
  if (access.has("configureBsm")) redirect("/configure/services");
  forbidden();
}
