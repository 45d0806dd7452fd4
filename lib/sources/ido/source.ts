import { connectionTestFailed, type ConnectionTestResult } from "../connection-test";
import { createOpsviewDatabaseSource, type OpsviewDatabaseSourceOptions } from "../opsview-db/source";
import { testOpsviewConnection, type ConnectionTestOptions } from "../opsview-db/test-connection";
import type { MonitoringSource } from "../types";
import {
  DEFAULT_TEMPLATE_VARIABLE,
  parseIcingaIdoConnectionSettings,
  toNdoConnectionSettings,
  toNdoDatabaseSettings,
  type IcingaIdoSettings,
} from "./settings";

export const ICINGA_IDO_KIND = "icinga-ido";

/** Icinga 2's IDO database as a MonitoringSource (kind "icinga-ido"): the shared NDO database source, IDO layout. */
export function createIcingaIdoSource(settings: IcingaIdoSettings, options: OpsviewDatabaseSourceOptions = {}): MonitoringSource {
  return createOpsviewDatabaseSource(toNdoDatabaseSettings(settings), options);
}

/**
 * For the "Test connection" button of one IDO connection (main or backup): connects and checks that
 * the IDO tables exist and may be read. Never throws; the message never contains the password.
 */
export async function testIcingaIdoConnection(
  input: unknown,
  options: Omit<ConnectionTestOptions, "hostTemplates"> = {},
): Promise<ConnectionTestResult> {
  const parsed = parseIcingaIdoConnectionSettings(input);
  if (!parsed.ok) return connectionTestFailed(parsed.message);
  return testOpsviewConnection(toNdoConnectionSettings(parsed.settings), {
    tablePrefix: options.tablePrefix ?? "icinga_",
    timeoutMs: options.timeoutMs,
    // Every IDO choice of host templates reads the same tables; this one selects the IDO layout.
    hostTemplates: { from: "custom-variable", name: DEFAULT_TEMPLATE_VARIABLE },
  });
}
