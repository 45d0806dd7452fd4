import { afterPollSteps } from "./after-poll-steps";
import type { Database } from "../db/client";
import type { AppEnv } from "../env";
import { emitLiveEvent, type LiveEvent } from "../events/live-events";
import { notifyLiveEvent, startPostgresEventRelay } from "../events/postgres-relay";
import { runPoller, type RunningPoller } from "../poller/run-poller";
import { recordSourceEvent } from "../poller/record-source-event";
import { seedConfigurationIfEmpty } from "../poller/seed-configuration";
import { createMonitoringSource } from "../sources/create-source";
import { SIMULATED_SOURCE_KIND, type SimulatedSource } from "../sources/simulated";
import type { MonitoringSource } from "../sources/types";

/** Where live events go: straight to this process's streams, or through PostgreSQL to every instance. */
export function livePublisher(database: Database): (event: LiveEvent) => Promise<void> {
  if (database.target.kind === "pglite") return async (event) => emitLiveEvent(event);
  return (event) => database.withConnection((connection) => notifyLiveEvent(connection, event));
}

/** On PostgreSQL, relays events from whichever process polls to this process's streams. */
export function startLiveEventRelay(database: Database): { stop(): Promise<void> } | null {
  return database.target.kind === "postgres" ? startPostgresEventRelay(database.target.url) : null;
}

/** Builds the configured source, seeds the simulated demo configuration, and starts polling. */
export async function startPolling(config: AppEnv, database: Database): Promise<RunningPoller> {
  const source = createMonitoringSource(config.BSM_SOURCE, config.BSM_SOURCE_SETTINGS, {
    onEvent: (event) => void recordSourceEvent(database, event),
  });
  if (isSimulatedSource(source)) {
    const { components, businessServices } = source.configuration;
    if (await seedConfigurationIfEmpty(database, { hosts: (await source.readFull()).hosts, components, businessServices }, Date.now())) {
      console.log(`Seeded the simulated demo configuration: ${components.length} components, ${businessServices.length} business services`);
    }
  }
  return runPoller({
    database,
    source,
    pollIntervalMs: config.BSM_POLL_INTERVAL_SECONDS * 1000,
    publish: livePublisher(database),
    afterPoll: afterPollSteps(database),
  });
}

function isSimulatedSource(source: MonitoringSource): source is SimulatedSource {
  return source.kind === SIMULATED_SOURCE_KIND;
}
