// `npm run --silent config:import -- FILE [--dry-run] [--prune] [--business-process]`: brings DATABASE_URL's BSM
// configuration to what the document says (lib/config/document), or with --business-process to
// what an Icinga Business Process file can express (lib/config/bp-import), as the system with an
// administrator's reach. Prints the plan; exit 0 when applied (or planned cleanly), 2 on bad input
// (usage, unreadable file, invalid document, any problem: nothing is written), 1 otherwise.
import { readFileSync } from "node:fs";
import { importFromBusinessProcess, type NotImported } from "../lib/config/bp-import";
import { describePlan, describeProblems, importConfigDocument, readDocumentText, systemDocumentContext, type DocumentFormat, type ImportOptions, type ImportResult } from "../lib/config/document";
import { openDatabase } from "../lib/db/client";
import { EnvError, env } from "../lib/env";
import { AppError } from "../lib/errors/app-error";

const BAD_INPUT = 2;
const USAGE = "usage: npm run --silent config:import -- FILE [--dry-run] [--prune] [--business-process]   (FILE may be - for stdin; .yaml/.yml is YAML; --business-process: FILE is an Icinga Business Process file)";
const FLAGS = new Set(["--dry-run", "--prune", "--business-process"]);

class BadInput extends Error {}

/** .yaml/.yml are YAML and .json JSON; otherwise (stdin too) JSON when the text starts with {, else YAML. */
function formatOf(file: string, text: string): DocumentFormat {
  if (/\.ya?ml$/i.test(file)) return "yaml";
  if (/\.json$/i.test(file)) return "json";
  return text.trimStart().startsWith("{") ? "json" : "yaml";
}

function readText(file: string): string {
  try {
    return readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (error) {
    throw new BadInput(`FILE: cannot read ${file} (${error instanceof Error ? error.message : String(error)})`);
  }
}

function readDocument(file: string): unknown {
  const text = readText(file);
  try {
    return readDocumentText(text, formatOf(file, text));
  } catch (error) {
    throw new BadInput(error instanceof Error ? error.message : String(error));
  }
}

async function main(args: string[]): Promise<number> {
  const flags = new Set(args.filter((arg) => arg.startsWith("--")));
  const files = args.filter((arg) => !arg.startsWith("--"));
  const unknown = [...flags].filter((flag) => !FLAGS.has(flag));
  if (files.length !== 1 || unknown.length > 0) {
    process.stderr.write(`${USAGE}\n`);
    return BAD_INPUT;
  }
  const dryRun = flags.has("--dry-run");
  const prune = flags.has("--prune");
  const businessProcess = flags.has("--business-process");
  let raw: unknown;
  let target;
  try {
    raw = businessProcess ? readText(files[0]!) : readDocument(files[0]!);
    target = env().database;
  } catch (error) {
    if (!(error instanceof BadInput || error instanceof EnvError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return BAD_INPUT;
  }

  const database = openDatabase(target);
  try {
    const context = await systemDocumentContext(database.prisma);
    // Plan first, so that problems come with the whole plan; then apply, which plans again in its transaction.
    const run = (options: ImportOptions): Promise<ImportResult & { notImported?: NotImported[] }> => (businessProcess ? importFromBusinessProcess : importConfigDocument)(context, raw, options);
    const planned = await run({ dryRun: true, prune });
    process.stdout.write(describePlan(planned.plan));
    if (planned.notImported) process.stdout.write(describeNotImported(planned.notImported));
    if (planned.plan.problems.length > 0) {
      process.stderr.write(describeProblems(planned.plan));
      process.stderr.write("Nothing was written: the document has problems.\n");
      return BAD_INPUT;
    }
    if (dryRun) {
      process.stdout.write("Dry run: nothing was written.\n");
      return 0;
    }
    await run({ prune });
    process.stdout.write("Applied.\n");
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message.trim().split("\n")[0] : String(error);
    process.stderr.write(`Import failed: ${message}\n`);
    return error instanceof AppError && error.code === "validation" ? BAD_INPUT : 1;
  } finally {
    await database.close();
  }
}

function describeNotImported(notImported: readonly NotImported[]): string {
  if (notImported.length === 0) return "Not imported: nothing.\n";
  return `Not imported:\n${notImported.map((item) => `  line ${item.line} ${item.node}: ${item.reason}\n`).join("")}`;
}

process.exitCode = await main(process.argv.slice(2));
