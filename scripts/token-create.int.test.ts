import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findApiTokenGrant } from "@/lib/auth/api-tokens";
import { openDatabase } from "@/lib/db/client";

const repositoryRoot = path.resolve(import.meta.dirname, "..");
const workDirectory = mkdtempSync(path.join(tmpdir(), "token-create-cli-"));
const dataDir = path.join(workDirectory, "pglite");
afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

// Each run starts Node with tsx and opens the embedded database: a few seconds here.
const CLI_RUN_TIMEOUT_MS = 60_000;

function tokenCreate(args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/token-create.ts", ...args], {
    cwd: repositoryRoot,
    encoding: "utf8",
    timeout: CLI_RUN_TIMEOUT_MS,
    env: { ...process.env, TSX_TSCONFIG_PATH: "scripts/tsconfig.json", DATABASE_URL: `pglite:${dataDir}`, NODE_ENV: "test", BSM_LOG_LEVEL: "warn" },
  });
  if (result.error) throw result.error;
  return { exitCode: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function withDatabase<T>(work: (database: ReturnType<typeof openDatabase>) => Promise<T>): Promise<T> {
  const database = openDatabase({ kind: "pglite", dataDir });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

describe("token:create", { timeout: 8 * CLI_RUN_TIMEOUT_MS }, () => {
  beforeAll(async () => {
    await withDatabase(async (database) => {
      await database.migrate();
      await database.prisma.user.create({ data: { email: "automation@example.test", name: "Automation", passwordHash: "x", isAdmin: true } });
    });
  });

  it("prints only the token, which then authenticates as the user with the scope asked for, and audits it", async () => {
    const made = tokenCreate(["--user", "Automation@example.test", "--name", "ci", "--scope", "read-only", "--expires", "2099-01-31"]);
    expect(made.exitCode, made.stderr).toBe(0);
    const token = made.stdout.trim();
    expect(made.stdout).toMatch(/^bsm_\S+\n$/);
    expect(made.stderr).toContain('Made the read-only token "ci"');
    await withDatabase(async (database) => {
      const user = await database.prisma.user.findUniqueOrThrow({ where: { email: "automation@example.test" } });
      const grant = await findApiTokenGrant(database.prisma, token);
      expect(grant).toMatchObject({ userId: user.id, scope: "read-only", expiresAt: new Date("2099-01-31T23:59:59.999Z") });
      const audit = await database.prisma.auditEntry.findFirstOrThrow({ where: { action: "apiToken.create" } });
      expect(audit).toMatchObject({ userId: user.id, detail: { name: "ci", scope: "read-only", via: "command line" } });
    });
  });

  it.each([
    ["no arguments", [], /^usage:/],
    ["an unknown option", ["--user", "automation@example.test", "--name", "x", "--admin"], /^usage:/],
    ["an unknown user", ["--user", "nobody@example.test", "--name", "x"], /no user has the e-mail address nobody@example.test/],
    ["an unknown scope", ["--user", "automation@example.test", "--name", "x", "--scope", "root"], /scope: must be full, read-only or metrics/],
    ["an expiry in the past", ["--user", "automation@example.test", "--name", "x", "--expires", "2001-01-01"], /expiresAt: must be in the future/],
  ])("refuses %s with exit code 2 and makes nothing", async (_what, args, message) => {
    const before = await withDatabase((database) => database.prisma.apiToken.count());
    const run = tokenCreate(args);
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(message);
    expect(await withDatabase((database) => database.prisma.apiToken.count())).toBe(before);
  });
});
