import type { PrismaClient } from "@prisma/client";
import type { ExportState } from "../reflect";
import { loadExportSettings } from "./store";

export interface ExportSettingRow {
  hostType: string;
  state: ExportState;
  /** Hosts of this type in the source. */
  hosts: number;
  elements: number;
}

/** The Export settings table: every host type the source reports, by name, with its state and how many hosts and elements it has. */
export async function listExportSettings(prisma: PrismaClient): Promise<ExportSettingRow[]> {
  const [settings, hostCounts, elementCounts] = await Promise.all([
    loadExportSettings(prisma),
    prisma.reflectedHost.groupBy({ by: ["hostType"], where: { removed: false }, _count: { _all: true } }),
    prisma.hostElement.groupBy({ by: ["hostType"], _count: { _all: true } }),
  ]);
  const hosts = new Map(hostCounts.map((row) => [row.hostType, row._count._all]));
  const elements = new Map(elementCounts.map((row) => [row.hostType, row._count._all]));
  return [...settings.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([hostType, state]) => ({ hostType, state, hosts: hosts.get(hostType) ?? 0, elements: elements.get(hostType) ?? 0 }));
}
