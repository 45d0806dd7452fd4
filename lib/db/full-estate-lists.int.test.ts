import type { PrismaClient } from "@prisma/client";
import { beforeAll, describe, expect, it } from "vitest";
import { RUNTIMES, freshDatabaseOpener, type FreshDatabase } from "@/tests/support/databases";
import { loadAccess } from "../auth/load-access";
import type { ConfigContext } from "../config";
import { exportConfigDocument, importConfigDocument } from "../config/document";
import { applyMembershipChanges, dismissMembershipChanges, evaluateMembershipRules } from "../membership";
import { loadComponentLayers } from "../status/component-layers";
import { createUser } from "../users/create-user";

// Lists that grow with the estate reach past a statement's 32,767 bind parameters at full size
// (50,000 hosts): every path below once sent one parameter per host and failed with P2029.
const HOSTS = 45_000;
const BIG = 40_000;
const hostName = (index: number) => `host-${String(index).padStart(5, "0")}`;

describe.each(RUNTIMES)("estate-sized lists on %s", (runtime) => {
  const open = freshDatabaseOpener(runtime, { lifetime: "suite" });
  let database: FreshDatabase;
  let prisma: PrismaClient;
  let context: ConfigContext;
  let templateId: number;
  let bigId: number;

  /** Hosts host-00000… in order of id, all of the Web template, in one statement each. */
  beforeAll(async () => {
    database = await open();
    prisma = database.prisma;
    templateId = (await prisma.hostTemplate.create({ data: { name: "Web" } })).id;
    await prisma.$executeRaw`
      INSERT INTO "Host" (name, "hostGroups", keywords, "updatedAt")
      SELECT 'host-' || lpad(i::text, 5, '0'), ARRAY['All'], ARRAY[]::text[], now() FROM generate_series(0, ${HOSTS - 1}::int) AS i ORDER BY i`;
    await prisma.$executeRaw`INSERT INTO "HostTemplateOnHost" ("hostId", "hostTemplateId", priority) SELECT id, ${templateId}, 0 FROM "Host"`;
    bigId = (await prisma.component.create({ data: { name: "Big", hostTemplateId: templateId, requiredOnline: 1 } })).id;
    await prisma.$executeRaw`
      INSERT INTO "ComponentHost" ("componentId", "hostId", position)
      SELECT ${bigId}, id, row_number() OVER (ORDER BY name DESC) - 1 FROM "Host" WHERE name < ${hostName(BIG)}`;
    const admin = await createUser(prisma, { email: "admin@test.local", name: "Admin", password: "admin-password", isAdmin: true });
    context = { prisma, user: admin, access: await loadAccess(prisma, admin.id) };
  }, 120_000);

  it("exports a component of 40,000 hosts in their order", async () => {
    const document = await exportConfigDocument(prisma, context.access);
    const big = document.components.find((component) => component.name === "Big")!;
    expect(big.hosts).toHaveLength(BIG);
    expect([big.hosts[0], big.hosts[BIG - 1]]).toEqual([hostName(BIG - 1), hostName(0)]);
  });

  it("plans the import of a document naming 45,000 hosts", async () => {
    const hosts = Array.from({ length: HOSTS }, (_, index) => hostName(index));
    const document = { version: 1, components: [{ name: "All", hostTemplate: "Web", hosts: [...hosts, "host-missing"], requiredOnline: 1 }], businessServices: [] };
    const result = await importConfigDocument(context, document, { dryRun: true });
    expect(result.applied).toBe(false);
    expect(result.plan.components.map((change) => `${change.action} ${change.name}`).sort()).toEqual(["create All", "kept Big"]);
    expect(result.plan.problems.map((problem) => problem.message).join("\n")).toContain("host-missing");
  });

  it("shows the failing checks of a component of 40,000 hosts", async () => {
    await prisma.$executeRaw`
      INSERT INTO "ServiceCheck" ("hostId", name, state, "contributingTemplates", "updatedAt")
      SELECT id, check_name, 'CRITICAL', ARRAY['Web'], now() FROM "Host", unnest(ARRAY['Ping', 'HTTP']) AS check_name WHERE name IN (${hostName(0)}, ${hostName(BIG - 1)})`;
    const [layer] = await loadComponentLayers(prisma, context.access, [bigId], { hostOrder: "zone", withFailingChecks: true });
    const failing = layer!.hosts.flatMap((host) => (host.visible && host.failingChecks.length > 0 ? [`${host.name}: ${host.failingChecks.map((check) => check.name).join(",")}`] : []));
    expect(failing.sort()).toEqual([
      `${hostName(0)}: HTTP,Ping`,
      `${hostName(BIG - 1)}: HTTP,Ping`,
    ]);
  });

  it("dismisses, applies and settles 40,000 pending membership changes of one rule", async () => {
    const ruled = await prisma.component.create({ data: { name: "Ruled", hostTemplateId: templateId, requiredOnline: 1, ruleNamePattern: "host-*" } });
    await prisma.$executeRaw`
      INSERT INTO "ComponentHost" ("componentId", "hostId", position)
      SELECT ${ruled.id}, id, row_number() OVER (ORDER BY id) - 1 FROM "Host" WHERE name >= ${hostName(BIG)}`;
    const detectTheRest = () => prisma.$executeRaw`
      INSERT INTO "ComponentMembershipChange" ("componentId", "hostId", kind)
      SELECT ${ruled.id}, id, 'DETECTED' FROM "Host" WHERE name < ${hostName(BIG)}`;
    const pending = () => prisma.componentMembershipChange.count({ where: { componentId: ruled.id, dismissedAt: null } });
    await detectTheRest();
    context = { ...context, access: await loadAccess(prisma, context.user.id) };

    expect(await dismissMembershipChanges(context, "all")).toEqual({ dismissed: BIG });
    expect(await pending()).toBe(0);

    await prisma.componentMembershipChange.updateMany({ where: { componentId: ruled.id }, data: { dismissedAt: null } });
    const applied = await applyMembershipChanges(context, "all");
    expect([applied.added.length, applied.removed.length, applied.refused.length]).toEqual([BIG, 0, 0]);
    expect(await prisma.componentHost.count({ where: { componentId: ruled.id } })).toBe(HOSTS);
    expect(await prisma.componentMembershipChange.count({ where: { componentId: ruled.id } })).toBe(0);

    // Changes the rule no longer stands behind (every host is a member and matches) go at the next poll.
    await detectTheRest();
    await evaluateMembershipRules(prisma, Date.now());
    expect(await prisma.componentMembershipChange.count({ where: { componentId: ruled.id } })).toBe(0);
    expect(await prisma.componentHost.count({ where: { componentId: ruled.id } })).toBe(HOSTS);
  });
});
