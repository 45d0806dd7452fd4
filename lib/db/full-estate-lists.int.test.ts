import type { PrismaClient } from "@prisma/client";
import { beforeAll, describe, expect, it } from "vitest";
import { RUNTIMES, freshDatabaseOpener, type FreshDatabase } from "@/tests/support/databases";
import { loadAccess } from "../auth/load-access";
import type { ConfigContext } from "../config";
import { exportConfigDocument, importConfigDocument } from "../config/document";
import { MEMBERSHIP_RULE_AUTHOR, dismissMembershipChanges, evaluateMembershipRules } from "../membership";
import { changeMembership } from "../membership/write-membership";
import { loadComponentLayers } from "../status/component-layers";
import { createUser } from "../users/create-user";
import { LONG_TRANSACTION } from "./transaction-options";

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

  it("dismisses and settles 40,000 pending membership changes of one rule, and removes 40,000 of its hosts", async () => {
    const ruled = await prisma.component.create({ data: { name: "Ruled", hostTemplateId: templateId, requiredOnline: 1, ruleNamePattern: "host-*" } });
    await prisma.$executeRaw`
      INSERT INTO "ComponentHost" ("componentId", "hostId", position) SELECT ${ruled.id}, id, row_number() OVER (ORDER BY id) - 1 FROM "Host"`;
    // Every host already is a member the rule matches: these changes are ones the rule no longer stands behind.
    const detectFirstHosts = () => prisma.$executeRaw`
      INSERT INTO "ComponentMembershipChange" ("componentId", "hostId", kind)
      SELECT ${ruled.id}, id, 'DETECTED' FROM "Host" WHERE name < ${hostName(BIG)}`;
    const changes = (where: { dismissedAt?: null } = {}) => prisma.componentMembershipChange.count({ where: { componentId: ruled.id, ...where } });
    await detectFirstHosts();
    context = { ...context, access: await loadAccess(prisma, context.user.id) };

    expect(await dismissMembershipChanges(context, "all")).toEqual({ dismissed: BIG });
    expect([await changes(), await changes({ dismissedAt: null })]).toEqual([BIG, 0]);

    await evaluateMembershipRules(prisma, Date.now());
    expect([await changes(), await prisma.componentHost.count({ where: { componentId: ruled.id } })]).toEqual([0, HOSTS]);

    await detectFirstHosts();
    const first = await prisma.host.findMany({ where: { name: { lt: hostName(BIG) } }, select: { id: true, name: true } });
    const members = await prisma.componentHost.findMany({ where: { componentId: ruled.id }, orderBy: { position: "asc" }, select: { hostId: true } });
    await prisma.$transaction(
      (tx) => changeMembership(tx, MEMBERSHIP_RULE_AUTHOR, { id: ruled.id, memberIds: members.map((link) => link.hostId) }, { add: [], remove: first, cause: "poll" }),
      LONG_TRANSACTION,
    );
    expect([await changes(), await prisma.componentHost.count({ where: { componentId: ruled.id } })]).toEqual([0, HOSTS - BIG]);
  }, 120_000);
});
