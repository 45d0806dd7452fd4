import { readFileSync } from "node:fs";
import { evaluateReflectContract } from "../lib/reflect/contract";

const INVALID_INPUT = 2;

function fail(message: string): never {
  process.stderr.write(`${message.replace(/\s*\n\s*/g, " ")}\n`);
  process.exit(INVALID_INPUT);
}

const file = process.argv[2];
if (file === undefined || process.argv.length > 3) fail("usage: npm run --silent dve:reflect -- FILE   (FILE may be - for stdin)");

let text: string;
try {
  text = readFileSync(file === "-" ? 0 : file, "utf8");
} catch (error) {
  fail(`FILE: cannot read ${file} (${error instanceof Error ? error.message : String(error)})`);
}

const result = evaluateReflectContract(text);
if (!result.ok) fail(result.error);
process.stdout.write(`${JSON.stringify(result.output, null, 2)}\n`);
