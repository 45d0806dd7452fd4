import mysql, { type Connection, type RowDataPacket } from "mysql2/promise";
import { connectionTestFailed, connectionTestPassed, type ConnectionTestResult } from "../connection-test";
import { withTimeout } from "./database";
import { explainDatabaseError, isDriverError } from "./errors";
import { buildOpsviewQueries, type SqlStatement } from "./queries";
import { connectionAddress, parseOpsviewConnectionSettings, TABLE_PREFIX } from "./settings";
import { usesOpsviewConfig, type HostTemplateSource } from "./template-source";

export interface ConnectionTestOptions {
  tablePrefix?: string;
  /** Decides which tables are needed: Opsview's (the default) or Icinga's IDO. */
  hostTemplates?: HostTemplateSource;
  /** For the whole test, connecting included. Default 5 s. */
  timeoutMs?: number;
}

const TABLE_PROBLEMS: Record<string, string> = {
  ER_NO_SUCH_TABLE: "is missing",
  ER_TABLEACCESS_DENIED_ERROR: "may not be read by this user",
  ER_BAD_DB_ERROR: "is in a database that does not exist",
  ER_DBACCESS_DENIED_ERROR: "is in a database this user may not use",
};

/**
 * For the "Test connection" button: connects, checks that both databases hold every table the
 * source reads and that the user may read them. Never throws; the message never contains the password.
 */
export async function testOpsviewConnection(input: unknown, options: ConnectionTestOptions = {}): Promise<ConnectionTestResult> {
  const parsed = parseOpsviewConnectionSettings(input);
  if (!parsed.ok) return connectionTestFailed(parsed.message);
  const settings = parsed.settings;
  const tablePrefix = options.tablePrefix ?? "nagios_";
  if (!TABLE_PREFIX.test(tablePrefix)) return connectionTestFailed("Invalid table prefix: letters, digits and underscores only");
  const timeoutMs = options.timeoutMs ?? 5_000;
  const address = connectionAddress(settings);
  const queries = buildOpsviewQueries({
    runtimeDatabase: settings.runtimeDatabase,
    configDatabase: settings.configDatabase,
    tablePrefix,
    hostTemplates: options.hostTemplates,
  });
  const databases =
    options.hostTemplates && !usesOpsviewConfig(options.hostTemplates)
      ? `database ${settings.runtimeDatabase}`
      : `databases ${settings.runtimeDatabase} and ${settings.configDatabase}`;

  let connection: Connection | null = null;
  let stage = "connecting";
  try {
    const connecting = mysql.createConnection({
      host: settings.host,
      port: settings.port,
      user: settings.user,
      password: settings.password,
      connectTimeout: timeoutMs,
      charset: "utf8mb4",
    });
    connection = await withTimeout(connecting, timeoutMs, "the database server").catch((error: unknown) => {
      connecting.then((late) => late.destroy(), () => undefined);
      throw error;
    });
    const open = connection;
    const select = async (statement: SqlStatement) => {
      const [rows] = await open.query<RowDataPacket[]>({ sql: statement.sql, values: statement.values, timeout: timeoutMs });
      return rows;
    };
    stage = "reading the server version";
    const version = String((await select(queries.serverVersion()))[0]?.version ?? "unknown version");
    for (const table of [...queries.requiredTables.runtime, ...queries.requiredTables.config]) {
      stage = `reading ${table.replaceAll("`", "")}`;
      try {
        await select(queries.probeTable(table));
      } catch (error) {
        const problem = isDriverError(error) && error.code ? TABLE_PROBLEMS[error.code] : undefined;
        if (problem) return connectionTestFailed(`Connected to ${address}, but table ${table.replaceAll("`", "")} ${problem}`);
        throw error;
      }
    }
    stage = "counting service checks";
    const count = Number((await select(queries.activeServiceCheckCount()))[0]?.count ?? 0);
    return connectionTestPassed(`Connected to ${address} (${version}): ${databases} readable, ${count} active service checks`);
  } catch (error) {
    return connectionTestFailed(`Could not use ${address} while ${stage}: ${explainDatabaseError(error, settings.password)}`, settings.password);
  } finally {
    if (connection) {
      const closing = connection;
      await withTimeout(closing.end(), 1_000, "closing").catch(() => closing.destroy());
    }
  }
}
