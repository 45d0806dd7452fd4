import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const workDir = mkdtempSync(path.join(tmpdir(), "bsm-db-migrate-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function runMigrate(databaseUrl: string) {
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/db-migrate.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "development" },
    encoding: "utf8",
  });
}

describe("npm run db:migrate", () => {
  it("migrates an embedded database, then finds it up to date", () => {
    const url = `pglite:${path.join(workDir, "pglite")}`;
    const first = runMigrate(url);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^Applied: \d{14}_init/);
    const second = runMigrate(url);
    expect(second.status).toBe(0);
    expect(second.stdout.trim()).toBe("The database is up to date.");
  });

  it("exits 2 with one line for a bad DATABASE_URL", () => {
    const result = runMigrate("mysql://127.0.0.1/opsview");
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toEqual([
      "Invalid configuration: DATABASE_URL: must start with postgresql:// or pglite: (or be unset for the embedded database)",
    ]);
  });
});
