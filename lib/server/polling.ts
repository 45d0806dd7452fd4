import { afterPollSteps } from "./after-poll-steps";
import type { Database } from "../db/client";
import type { AppEnv } from "../env";
import { emitLiveEvent, type LiveEvent } from "../events/live-events";
import { appMetrics } from "../metrics/app-metrics";
import { publishWithMetrics } from "../metrics/poller-hooks";
import { notifyLiveEvent, startPostgresEventRelay } from "../events/postgres-relay";
import { postgresLeadership, singleProcessLeadership, type Leadership } from "../poller/leadership";
import { runPoller, type RunningPoller } from "../poller/run-poller";
import { whileLeading } from "../poller/while-leading";
import { recordSourceEvent } from "../poller/record-source-event";
import { seedConfigurationIfEmpty } from "../poller/seed-configuration";
import { loadSourceSettings, readSourceSettingsToken } from "../settings/load-source-settings";
import { settingsForPolling, type SettingsForPolling } from "../settings/settings-for-polling";
import { unusableSource } from "../settings/unusable-source";
import { SourceSettingsError, createMonitoringSource } from "../sources/create-source";
import { lineLogger, logFor, type LogLine } from "../log";
import { isSourceKind } from "../sources/registry";
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

export interface PollingOptions {
  /** Longest wait before noticing saved settings changed (another process may have saved them). Default 5 s. */
  settingsCheckMs?: number;
  leadership?: Leadership;
  log?: LogLine;
}

interface PreparedSource {
  token: string;
  pollIntervalMs: number;
  source: MonitoringSource;
  /** Why the settings cannot be used; the source then reports it on every poll. */
  problem: string | null;
}

/**
 * Polls the source the settings name (saved in the UI, else the environment) and follows changes
 * to them: a new source within one poll interval (or settingsCheckMs, whichever is shorter).
 * Unusable saved settings are reported as a failing poll, never thrown; invalid environment
 * settings at start throw SourceSettingsError, as start-up configuration errors always have.
 */
export async function startPolling(config: AppEnv, database: Database, options: PollingOptions = {}): Promise<RunningPoller> {
  const log = options.log ?? lineLogger(logFor("poller"));
  const settingsCheckMs = options.settingsCheckMs ?? 5_000;
  let prepared: PreparedSource | null = prepareSource(settingsForPolling(await loadSourceSettings(database.prisma, config), config), database, {
    throwForEnvironment: true,
  });
  const leadership =
    options.leadership ?? (database.target.kind === "postgres" ? postgresLeadership(database.target.url) : singleProcessLeadership());
  let active: { token: string; pollIntervalMs: number; poller: RunningPoller } | null = null;

  // Each term of leadership starts afresh from the settings in force then.
  const loop = whileLeading(leadership, log, async (term) => {
    while (term.active()) {
      if (!prepared) {
        try {
          if ((await readSourceSettingsToken(database.prisma)) !== active?.token) {
            prepared = prepareSource(settingsForPolling(await loadSourceSettings(database.prisma, config), config), database);
          }
        } catch (error) {
          log(`Could not check the source settings: ${(error as Error).message}`, "error");
        }
      }
      if (prepared && term.active()) {
        if (active) {
          log("Source settings changed: restarting the poller");
          await active.poller.stop();
          active = null;
        }
        try {
          active = { token: prepared.token, pollIntervalMs: prepared.pollIntervalMs, poller: await launchPoller(prepared, database) };
          prepared = null;
        } catch (error) {
          log(`Could not start the poller, trying again: ${(error as Error).message}`, "error");
        }
      }
      if (term.active()) await term.sleep(Math.min(active?.pollIntervalMs ?? settingsCheckMs, settingsCheckMs));
    }
    await active?.poller.stop();
    active = null;
  });

  return {
    async stop() {
      await loop.stop();
      await active?.poller.stop();
      await prepared?.source.close();
    },
  };
}

function prepareSource(
  settings: SettingsForPolling,
  database: Database,
  { throwForEnvironment = false } = {},
): PreparedSource {
  const base = { token: settings.token, pollIntervalMs: settings.pollIntervalSeconds * 1000 };
  let problem: string;
  if (!settings.ok) {
    problem = settings.message;
  } else if (!isSourceKind(settings.kind)) {
    problem = `Saved source settings: unknown source kind "${settings.kind}"`;
  } else {
    try {
      const source = createMonitoringSource(settings.kind, settings.settingsJson, {
        onEvent: (event) => void recordSourceEvent(database, event),
      });
      return { ...base, source, problem: null };
    } catch (error) {
      if (!(error instanceof SourceSettingsError) || (throwForEnvironment && settings.origin === "environment")) throw error;
      problem = settings.origin === "saved" ? error.message.replace(/^BSM_SOURCE_SETTINGS: /, "Saved source settings: ") : error.message;
    }
  }
  return { ...base, source: unusableSource(settings.kind, problem), problem };
}

async function launchPoller(prepared: PreparedSource, database: Database): Promise<RunningPoller> {
  const { source, problem } = prepared;
  if (problem) await recordSourceEvent(database, { at: Date.now(), kind: "error", message: `Source settings unusable: ${problem}` });
  if (isSimulatedSource(source)) {
    const { components, businessServices } = source.configuration;
    if (await seedConfigurationIfEmpty(database, { hosts: (await source.readFull()).hosts, components, businessServices }, Date.now())) {
      logFor("poller").info(`Seeded the simulated demo configuration: ${components.length} components, ${businessServices.length} business services`);
    }
  }
  return runPoller({
    database,
    source,
    pollIntervalMs: prepared.pollIntervalMs,
    publish: publishWithMetrics(livePublisher(database), appMetrics()),
    afterPoll: afterPollSteps(database),
    // The election is held once, around every source this process switches between.
    leadership: singleProcessLeadership(),
  });
}

function isSimulatedSource(source: MonitoringSource): source is SimulatedSource {
  return source.kind === SIMULATED_SOURCE_KIND;
}
