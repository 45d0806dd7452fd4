import type { ReactNode } from "react";
import { requireAccess } from "@/lib/auth/session";
import { mayUseConfigDocument } from "@/lib/config/document";
import { SettingsTabs, type SettingsTab } from "@/components/settings/settings-tabs";

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const { access } = await requireAccess();
  const tabs: SettingsTab[] = [
    { href: "/settings", label: "General" },
    ...(access.has("administer") ? [{ href: "/settings/database", label: "Database settings" }] : []),
    ...(access.has("administer") ? [{ href: "/settings/outbound", label: "Outbound targets" }] : []),
    ...(access.has("administer") ? [{ href: "/settings/history", label: "History" }] : []),
    ...(access.has("bsm") ? [{ href: "/settings/export", label: "Export settings" }] : []),
    ...(mayUseConfigDocument(access) ? [{ href: "/settings/import", label: "Import" }] : []),
  ];
  return (
    <>
      <SettingsTabs tabs={tabs} />
      {children}
    </>
  );
}
