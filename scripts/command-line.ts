// What the command-line scripts share: their exit code for bad input and how they find their database.
import { EnvError, env, type DatabaseTarget } from "../lib/env";

export const BAD_INPUT = 2;

/** DATABASE_URL's database, or null after saying on stderr what is wrong with the setting. */
export function databaseTargetOrExplain(): DatabaseTarget | null {
  try {
    return env().database;
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return null;
  }
}
