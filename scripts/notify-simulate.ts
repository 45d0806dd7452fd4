import { readFile } from "node:fs/promises";

import { parseSimulationInput } from "../lib/notify/contract";
import { replayTimeline, selectSentNotifications } from "../lib/notify/simulate";

const INVALID_INPUT = 2;

async function readSource(source: string): Promise<string> {
  if (source !== "-") return readFile(source, "utf8");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}

function fail(message: string): never {
  process.stderr.write(`${message.replace(/\s*\n\s*/g, " ")}\n`);
  process.exit(INVALID_INPUT);
}

async function main(): Promise<void> {
  const source = process.argv[2];
  if (source === undefined) fail("usage: notify:simulate FILE (or - for stdin)");
  let text: string;
  try {
    text = await readSource(source);
  } catch (error) {
    fail(`cannot read ${source}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    fail(`input: invalid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = parseSimulationInput(raw);
  if (!parsed.ok) fail(parsed.error);
  const notifications = selectSentNotifications(replayTimeline(parsed.value));
  process.stdout.write(`${JSON.stringify({ notifications })}\n`);
}

await main();
