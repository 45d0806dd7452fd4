// `npm run --silent config:export [-- --yaml] > bsm.json`: the whole BSM configuration as one
// document (lib/config/document), read from DATABASE_URL's database with an administrator's reach.
import { exportConfigDocument, systemDocumentContext, writeDocumentText } from "../lib/config/document";
import { openDatabase } from "../lib/db/client";
import { BAD_INPUT, databaseTargetOrExplain } from "./command-line";

async function main(args: string[]): Promise<number> {
  const unknown = args.filter((arg) => arg !== "--yaml");
  if (unknown.length > 0) {
    process.stderr.write(`usage: npm run --silent config:export [-- --yaml]   (unknown: ${unknown.join(" ")})\n`);
    return BAD_INPUT;
  }
  const target = databaseTargetOrExplain();
  if (!target) return BAD_INPUT;
  const database = openDatabase(target);
  try {
    const context = await systemDocumentContext(database.prisma);
    const document = await exportConfigDocument(database.prisma, context.access);
    process.stdout.write(writeDocumentText(document, args.includes("--yaml") ? "yaml" : "json"));
    return 0;
  } catch (error) {
    process.stderr.write(`Export failed: ${error instanceof Error ? error.message.trim().split("\n")[0] : String(error)}\n`);
    return 1;
  } finally {
    await database.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
