import type { PrismaClient } from "@prisma/client";
import { isExportStateEditable, type ExportState } from "../reflect";
import { SUPPORTED_HOST_TYPES } from "./host-types";
import { loadExportSettings } from "./store";

export interface ExportSettingRow {
  hostType: string;
  state: ExportState;
  editable: boolean;
  note: string | null;
  /** Hosts of this type in the source. */
  hosts: number;
  elements: number;
}

/** The Export settings table: every supported host type with its state and how many hosts and elements it has. */
export async function listExportSettings(prisma: PrismaClient): Promise<ExportSettingRow[]> {
  const [settings, hostCounts, elementCounts] = await Promise.all([
    loadExportSettings(prisma),
    prisma.reflectedHost.groupBy({ by: ["hostType"], where: { removed: false }, _count: { _all: true } }),
    prisma.hostElement.groupBy({ by: ["hostType"], _count: { _all: true } }),
  ]);
  const hosts = new Map(hostCounts.map((row) => [row.hostType, row._count._all]));
  const elements = new Map(elementCounts.map((row) => [row.hostType, row._count._all]));
  return SUPPORTED_HOST_TYPES.map(({ hostType, note }) => {
    const state = settings.get(hostType) ?? "NA";
    return { hostType, state, editable: isExportStateEditable(state), note: note ?? null, hosts: hosts.get(hostType) ?? 0, elements: elements.get(hostType) ?? 0 };
  });
}
