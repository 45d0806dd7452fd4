import type { Access } from "./access";

/**
 * Main navigation entries the user may not use, so the layout hides them. Everything but Account
 * and Settings shows BSM data (Dashboard, Summary, Overview, Hosts, Notifications) or changes it.
 */
export function hiddenNavHrefs(access: Access): string[] {
  const hidden: string[] = [];
  if (!access.has("bsm")) hidden.push("/", "/summary", "/bsm/topology", "/bsm/sla", "/overview", "/hosts", "/notifications");
  if (!access.has("configureBsm") && !access.has("configureBsmComponents")) hidden.push("/configure");
  if (!access.has("administer")) hidden.push("/admin");
  return hidden;
}
