import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findApiTokenGrant } from "@/lib/auth/api-tokens";
import { CLI_RUN_TIMEOUT_MS, cliWorkspace } from "@/tests/support/cli-workspace";

const workspace = cliWorkspace("token-create-cli-");
afterAll(() => workspace.remove());
const tokenCreate = (args: string[]) => workspace.run("token-create", args);
const withDatabase = workspace.withDatabase;

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
