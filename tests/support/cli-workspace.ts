import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "@/lib/db/client";

const repositoryRoot = path.resolve(import.meta.dirname, "../..");

// Each run starts Node with tsx and opens the embedded database: a few seconds here, more under load.
export const CLI_RUN_TIMEOUT_MS = 60_000;

export interface CliRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A scratch directory with an embedded database for running `scripts/<name>.ts` as the npm scripts
 * do (tsx with scripts/tsconfig.json). One PGlite directory serves one process, so tests open it
 * (withDatabase) only between runs.
 */
export function cliWorkspace(prefix: string) {
  const workDirectory = mkdtempSync(path.join(tmpdir(), prefix));
  const dataDir = path.join(workDirectory, "pglite");
  return {
    workDirectory,
    dataDir,
    run(script: string, args: string[], stdin = ""): CliRun {
      const result = spawnSync(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...args], {
        cwd: repositoryRoot,
        input: stdin,
        encoding: "utf8",
        timeout: CLI_RUN_TIMEOUT_MS,
        env: { ...process.env, TSX_TSCONFIG_PATH: "scripts/tsconfig.json", DATABASE_URL: `pglite:${dataDir}`, NODE_ENV: "test", BSM_LOG_LEVEL: "warn" },
      });
      if (result.error) throw result.error;
      return { exitCode: result.status, stdout: result.stdout, stderr: result.stderr };
    },
    async withDatabase<T>(work: (database: ReturnType<typeof openDatabase>) => Promise<T>): Promise<T> {
      const database = openDatabase({ kind: "pglite", dataDir });
      try {
        return await work(database);
      } finally {
        await database.close();
      }
    },
    remove() {
      rmSync(workDirectory, { recursive: true, force: true });
    },
  };
}
