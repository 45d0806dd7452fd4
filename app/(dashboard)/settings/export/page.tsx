import type { Metadata } from "next";
import Link from "next/link";
import { requirePageCapability } from "@/lib/auth/page-guards";
import { getPrisma } from "@/lib/db";
import { listExportSettings, loadReflectionMode } from "@/lib/connector";
import { REFLECTION_MODE_LABELS } from "@/lib/connector/reflection-mode-labels";
import { PageHeader } from "@/components/ui/page-header";
import { ExportStateControl } from "@/components/connector/export-state-control";
import { TableScroll } from "@/components/ui/table-scroll";
import type { ExportState } from "@/lib/reflect/types";

export const metadata: Metadata = { title: "Export settings" };

export default async function ExportSettingsPage() {
  const { access } = await requirePageCapability("bsm");
  const prisma = getPrisma();
  const [rows, mode] = await Promise.all([listExportSettings(prisma), loadReflectionMode(prisma)]);
  const choicesFor = (state: ExportState): ExportState[] => {
    if (access.has("administer")) return ["ON", "OFF", "NA"];
    if (!access.has("configureBsmComponents") || state === "NA") return [];
    return ["ON", "OFF"];
  };
  return (
    <>
      <PageHeader title="Export settings">
        Every host template the source reports, as a host type; a type that appears later starts ON. ON lets hosts of the type become
        host elements, OFF does not, NA marks a type that is monitored but never made into elements (administrators set it). Hosts
        without a template show Detected on the{" "}
        <Link href="/overview" className="underline">
          Overview
        </Link>
        . A change only makes hosts pending; Reflect applies it.
      </PageHeader>
      <TableScroll>
      <table className="mb-8 w-full max-w-4xl rounded-lg bg-white text-left text-sm shadow-sm" data-testid="export-settings-table">
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th className="px-4 py-2 font-medium">Host type</th>
            <th className="px-4 py-2 font-medium">State</th>
            <th className="px-4 py-2 font-medium">Hosts</th>
            <th className="px-4 py-2 font-medium">Host elements</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={4} className="px-4 py-6 text-center text-slate-500">
                The source has reported no host templates yet; they appear here after its first poll.
              </td>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={row.hostType} data-host-type={row.hostType} className="border-b border-slate-100 last:border-0">
              <td className="px-4 py-2 font-medium">{row.hostType}</td>
              <td className="px-4 py-2">
                <ExportStateControl hostType={row.hostType} state={row.state} choices={choicesFor(row.state)} />
              </td>
              <td className="px-4 py-2 tabular-nums">{row.hosts}</td>
              <td className="px-4 py-2 tabular-nums">{row.elements}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
      <p className="max-w-4xl text-sm text-slate-600" data-testid="reflection-mode-note">
        Reflection mode: <strong>{REFLECTION_MODE_LABELS[mode]}</strong>.{" "}
        {access.has("administer") ? (
          <Link href="/settings/database" className="underline">
            Change it on Database settings
          </Link>
        ) : (
          "Administrators change it on Database settings."
        )}
      </p>
    </>
  );
}
