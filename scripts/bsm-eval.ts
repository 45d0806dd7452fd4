import { readFileSync } from "node:fs";
import { runBsmEval } from "../lib/bsm/snapshot";

const source = process.argv[2];
if (source === undefined || process.argv.length > 3) {
  process.stderr.write("usage: npm run --silent bsm:eval -- FILE   (FILE may be - for stdin)\n");
  process.exit(2);
}

let inputText: string;
try {
  inputText = readFileSync(source === "-" ? 0 : source, "utf8");
} catch (error) {
  process.stderr.write(`${source}: cannot read (${error instanceof Error ? error.message : String(error)})\n`);
  process.exit(2);
}

const run = runBsmEval(inputText);
process.stdout.write(run.stdout);
process.stderr.write(run.stderr);
process.exitCode = run.exitCode;
