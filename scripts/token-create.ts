// `npm run --silent token:create -- --user EMAIL --name NAME [--scope full|read-only|metrics]
// [--expires DATE] > token`: a user's first REST API token without a browser, made directly in
// DATABASE_URL's database (whoever runs it can read that database anyway). The token goes to
// stdout alone; exit 2 on bad input (usage, unknown user, invalid name, scope or expiry), 1 otherwise.
import { parseArgs } from "node:util";
import { createApiTokenFromCommandLine } from "../lib/auth/api-tokens";
import { openDatabase } from "../lib/db/client";
import { ValidationError } from "../lib/errors/app-error";
import { BAD_INPUT, databaseTargetOrExplain } from "./command-line";

const USAGE = "usage: npm run --silent token:create -- --user EMAIL --name NAME [--scope full|read-only|metrics] [--expires YYYY-MM-DD|ISO time]";

function readArguments(args: string[]) {
  try {
    const { values } = parseArgs({
      args,
      options: { user: { type: "string" }, name: { type: "string" }, scope: { type: "string" }, expires: { type: "string" } },
      strict: true,
      allowPositionals: false,
    });
    return values.user === undefined || values.name === undefined ? null : { ...values, user: values.user, name: values.name };
  } catch {
    return null;
  }
}

async function main(args: string[]): Promise<number> {
  const values = readArguments(args);
  if (!values) {
    process.stderr.write(`${USAGE}\n`);
    return BAD_INPUT;
  }
  const target = databaseTargetOrExplain();
  if (!target) return BAD_INPUT;
  const database = openDatabase(target);
  try {
    const { token, view } = await createApiTokenFromCommandLine(database.prisma, values.user, { name: values.name, scope: values.scope, expiresAt: values.expires });
    process.stdout.write(`${token}\n`);
    const expiry = view.expiresAt ? `expires ${view.expiresAt.toISOString()}` : "does not expire";
    process.stderr.write(`Made the ${view.scope} token "${view.name}" (${view.prefix}…) for ${values.user}; it ${expiry}. It is shown only now.\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message.trim().split("\n")[0] : String(error)}\n`);
    return error instanceof ValidationError ? BAD_INPUT : 1;
  } finally {
    await database.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
