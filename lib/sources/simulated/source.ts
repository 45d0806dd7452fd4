import { settingsOrThrow } from "../parse-settings";
import type { CompleteRead, MonitoringSource, SourceCommand, SourceHost, SourceRead } from "../types";
import { generateSimulatedEstate, type SimulatedBsmConfiguration } from "./estate";
import { eventsPerHourOf, parseSimulatedSourceSettings, type SimulatedSourceSettings, type SimulatedSourceSettingsInput } from "./settings";
import { Simulation } from "./simulation";

export const SIMULATED_SOURCE_KIND = "simulated";
export const SIMULATED_SOURCE_LABEL = "Simulated estate — demo data, not from a real monitoring system";

export interface SimulatedSourceOptions extends SimulatedSourceSettingsInput {
  /** The clock, epoch milliseconds; reads advance the simulation to it. */
  now: () => number;
  /** Simulated time zero; defaults to now() when the source is created. */
  startedAt?: number;
}

export interface SimulatedSource extends MonitoringSource {
  readonly kind: typeof SIMULATED_SOURCE_KIND;
  readonly label: string;
  readonly settings: Readonly<SimulatedSourceSettings> & { readonly eventsPerHour: number };
  /** The components and business services that go with this estate. */
  readonly configuration: SimulatedBsmConfiguration;
}

/**
 * A living, made-up estate behind the MonitoringSource interface. The cursor is the simulated
 * time of the read, in epoch milliseconds, as a decimal string.
 */
export function createSimulatedSource(options: SimulatedSourceOptions): SimulatedSource {
  const { now, startedAt, ...rest } = options;
  const parsed = settingsOrThrow(parseSimulatedSourceSettings(rest));
  const settings = { ...parsed, eventsPerHour: eventsPerHourOf(parsed) };
  const estate = generateSimulatedEstate(settings);
  const simulation = new Simulation({ estate, seed: settings.seed, eventsPerHour: settings.eventsPerHour, startedAt: startedAt ?? now() });
  let lastCursor = simulation.time;

  const hosts = (): SourceHost[] =>
    estate.hosts.map((host) => ({
      ...host,
      hostGroups: [...host.hostGroups],
      hostTemplates: host.hostTemplates.map((template) => ({ ...template })),
      keywords: [...host.keywords],
    }));

  const issueCursor = (): string => {
    simulation.mark();
    lastCursor = simulation.time;
    return String(lastCursor);
  };

  return {
    kind: SIMULATED_SOURCE_KIND,
    label: SIMULATED_SOURCE_LABEL,
    settings,
    configuration: { components: estate.components, businessServices: estate.businessServices },

    async readFull(): Promise<CompleteRead> {
      simulation.advanceTo(now());
      return { kind: "complete", hosts: hosts(), serviceChecks: simulation.snapshotAll(), skipped: [], cursor: issueCursor() };
    },

    async readChanges(cursor: string): Promise<SourceRead> {
      simulation.advanceTo(now());
      const since = parseCursor(cursor);
      if (since === null || since > simulation.time) {
        // Not a cursor of this run (another source, or a restart): send everything.
        return { kind: "complete", hosts: hosts(), serviceChecks: simulation.snapshotAll(), skipped: [], cursor: issueCursor() };
      }
      const changed = since === lastCursor ? simulation.changedSinceMark() : simulation.changedAfter(since);
      const serviceChecks = changed.map((index) => simulation.snapshot(index));
      return { kind: "incremental", hosts: [], removedHosts: [], serviceChecks, removedServiceChecks: [], skipped: [], cursor: issueCursor() };
    },

    describe(): string {
      return `simulated estate: ${settings.hosts} hosts, ${settings.businessServices} business services, seed ${settings.seed}, ${formatRate(settings.eventsPerHour)} incidents an hour`;
    },

    /** Acknowledgements and downtime change the simulation itself, so the next read reports them. */
    async execute(command: SourceCommand): Promise<{ message: string }> {
      simulation.advanceTo(now());
      return { message: simulation.command(command) };
    },

    async close(): Promise<void> {},
  };
}

function parseCursor(cursor: string): number | null {
  return /^-?\d+$/.test(cursor) ? Number(cursor) : null;
}

function formatRate(eventsPerHour: number): string {
  return Number.isInteger(eventsPerHour) ? String(eventsPerHour) : eventsPerHour.toFixed(1);
}

export { simulatedBsmConfiguration, type SimulatedBsmConfiguration } from "./estate";
export { simulatedSourceSettings, parseSimulatedSourceSettings, type SimulatedSourceSettings } from "./settings";
