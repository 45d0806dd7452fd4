import { describe, expect, it } from "vitest";
import { RUNTIMES, freshDatabaseOpener } from "@/tests/support/databases";
import { loadAccess } from "../auth/load-access";
import { createComponent, updateComponent, type ConfigContext } from "../config";
import { exportConfigDocument, importConfigDocument } from "../config/document";
import { seedSmallEstate } from "../config/testing";
import { ConflictError } from "../errors/app-error";
import { fieldErrorsOf } from "../errors/testing";
import { readConfigurationVersion } from "../poller/load-bsm-config";
import type { ReflectionMode } from "../reflect";
import { createUser } from "../users/create-user";
import { applyMembershipChanges, createMembershipAfterPollStep, dismissMembershipChanges, evaluateMembershipRules, listMembershipChanges, requiredOnlineError } from ".";
import type { AfterPollContext } from "../poller/poller";

describe.each(RUNTIMES)("membership rules on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime);

  async function setUp(mode: ReflectionMode = "MANUAL") {
    const database = await freshDatabase();
    const prisma = database.prisma;
    const estate = await seedSmallEstate(prisma);
    await prisma.connectorSettings.upsert({ where: { id: 1 }, create: { id: 1, reflectionMode: mode }, update: { reflectionMode: mode } });
    const admin = await createUser(prisma, { email: "admin@test.local", name: "Admin", password: "admin-password", isAdmin: true });
    const role = await prisma.role.create({ data: { name: "Eu", keywords: ["eu"], configureBsmComponents: true, grantServicesOfComponents: true } });
    const eu = await createUser(prisma, { email: "eu@test.local", name: "Eu", password: "eu-password" });
    await prisma.user.update({ where: { id: eu.id }, data: { roleId: role.id } });
    const contextOf = async (user: { id: string; email: string }): Promise<ConfigContext> => ({ prisma, user, access: await loadAccess(prisma, user.id) });
    const membersOf = async (componentId: number) =>
      (await prisma.componentHost.findMany({ where: { componentId }, orderBy: { position: "asc" }, select: { position: true, host: { select: { name: true } } } })).map(
        (link) => `${link.position}:${link.host.name}`,
      );
    const pendingOf = async (componentId: number) =>
      (await prisma.componentMembershipChange.findMany({ where: { componentId }, orderBy: { host: { name: "asc" } }, select: { kind: true, error: true, dismissedAt: true, host: { select: { name: true } } } })).map(
        (row) => `${row.kind} ${row.host.name}${row.error === null ? "" : " !"}${row.dismissedAt === null ? "" : " (dismissed)"}`,
      );
    const addWebHost = (name: string, group: string) =>
      prisma.host.create({ data: { name, hostGroups: [group], keywords: ["eu"], templates: { create: { hostTemplateId: estate.templates.web.id, priority: 0 } } } });
    const version = () => database.withConnection((connection) => readConfigurationVersion(connection));
    return { database, prisma, estate, admin, eu, contextOf, membersOf, pendingOf, addWebHost, version };
  }

  it("a new rule component starts with the hosts the rule matches; R must fit them; hosts may not be given beside a rule", async () => {
    const { prisma, admin, contextOf, membersOf } = await setUp();
    const context = await contextOf(admin);
    const { id } = await createComponent(context, { name: "Web EU", hostTemplate: "Web", ruleNamePattern: "web-eu-*", requiredOnline: 2 });
    expect(await membersOf(id)).toEqual(["0:web-eu-1", "1:web-eu-2"]);
    expect(await prisma.component.findUniqueOrThrow({ where: { id }, select: { ruleHostGroup: true, ruleNamePattern: true } })).toEqual({ ruleHostGroup: null, ruleNamePattern: "web-eu-*" });

    expect(await fieldErrorsOf(createComponent(context, { name: "Too many", hostTemplate: "Web", ruleHostGroup: "Group us", requiredOnline: 2 }))).toEqual({
      requiredOnline: "Required online must be between 0 and the number of hosts (1)",
    });
    expect(await fieldErrorsOf(createComponent(context, { name: "Nothing", hostTemplate: "Web", ruleNamePattern: "mail-*", requiredOnline: 0 }))).toEqual({
      ruleNamePattern: "The rule matches no monitored host using this host template",
    });
    expect(await fieldErrorsOf(createComponent(context, { name: "Both", hostTemplate: "Web", hosts: ["web-eu-1"], ruleNamePattern: "web-*", requiredOnline: 0 }))).toEqual({
      hosts: "Leave the hosts out: the membership rule chooses them",
    });
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { action: "component.create", target: `component:${id}` } });
    expect(audit.detail).toMatchObject({ ruleNamePattern: "web-eu-*", ruleHostGroup: null });
  });

  it("a user who cannot see every host the rule matches cannot make it", async () => {
    const { eu, contextOf } = await setUp();
    expect(await fieldErrorsOf(createComponent(await contextOf(eu), { name: "All web", hostTemplate: "Web", ruleNamePattern: "web-*", requiredOnline: 0 }))).toEqual({
      ruleNamePattern: "The rule matches hosts you cannot see",
    });
    const { id } = await createComponent(await contextOf(eu), { name: "Web EU", hostTemplate: "Web", ruleHostGroup: "Group eu", requiredOnline: 1 });
    const context = await contextOf(eu);
    // Widening it later is checked the same way, in the editor and in the configuration document.
    expect(await fieldErrorsOf(updateComponent(context, id, { name: "Web EU", hostTemplate: "Web", ruleHostGroup: null, ruleNamePattern: "web-*", requiredOnline: 1 }))).toEqual({
      ruleNamePattern: "The rule matches hosts you cannot see",
    });
    await updateComponent(context, id, { name: "Web EU", hostTemplate: "Web", ruleHostGroup: null, ruleNamePattern: "web-eu-*", requiredOnline: 1 });
    const document = { version: 1, components: [{ name: "Web EU", hostTemplate: "Web", hosts: ["web-eu-1", "web-eu-2"], requiredOnline: 1, rule: { namePattern: "web-*" } }] };
    const planned = await importConfigDocument(context, document, { dryRun: true });
    expect(planned.plan.problems).toEqual([{ path: "components[0].rule", message: "the rule matches hosts you cannot see" }]);
    const unchanged = await importConfigDocument(context, { ...document, components: [{ ...document.components[0]!, rule: { namePattern: "web-eu-*" } }] }, { dryRun: true });
    expect(unchanged.plan.problems).toEqual([]);
  });

  it("Manual mode: the poll records Detected and Removed for review and changes nothing; Apply and Dismiss are audited and idempotent", async () => {
    const { prisma, estate, admin, contextOf, membersOf, pendingOf, addWebHost, version } = await setUp("MANUAL");
    const { id } = await createComponent(await contextOf(admin), { name: "Web EU", hostTemplate: "Web", ruleHostGroup: "Group eu", requiredOnline: 1 });
    const context = await contextOf(admin);
    await addWebHost("web-eu-3", "Group eu");
    await prisma.host.update({ where: { id: estate.hosts.webEu1.id }, data: { removedAt: new Date() } });
    const before = await version();

    // As the poller calls it after a cycle.
    await createMembershipAfterPollStep()({ database: { prisma } as AfterPollContext["database"], now: Date.parse("2026-12-06T05:00:00Z") } as AfterPollContext);
    expect(await membersOf(id)).toEqual(["0:web-eu-1", "1:web-eu-2"]);
    expect(await pendingOf(id)).toEqual(["REMOVED web-eu-1", "DETECTED web-eu-3"]);
    expect(await version()).toBe(before);

    const listed = await listMembershipChanges(prisma, context.access);
    expect(listed.map((change) => [change.component.name, change.host, change.status, change.error])).toEqual([
      ["Web EU", "web-eu-1", "Removed", null],
      ["Web EU", "web-eu-3", "Detected", null],
    ]);
    expect(listed[0]!.detectedAt).toBe("2026-12-06T05:00:00.000Z");

    // A second poll keeps the changes as they were (same detection time).
    await evaluateMembershipRules(prisma, Date.parse("2026-12-06T05:01:00Z"));
    expect((await listMembershipChanges(prisma, context.access))[0]!.detectedAt).toBe("2026-12-06T05:00:00.000Z");

    const detected = listed.find((change) => change.status === "Detected")!;
    expect(await applyMembershipChanges(context, { changeId: detected.id })).toEqual({ added: [{ component: "Web EU", host: "web-eu-3" }], removed: [], refused: [] });
    expect(await applyMembershipChanges(context, { changeId: detected.id })).toEqual({ added: [], removed: [], refused: [] });
    expect(await membersOf(id)).toEqual(["0:web-eu-1", "1:web-eu-2", "2:web-eu-3"]);
    expect(Number(await version())).toBeGreaterThan(Number(before));

    await dismissMembershipChanges(context, "all");
    expect(await pendingOf(id)).toEqual(["REMOVED web-eu-1 (dismissed)"]);
    expect(await listMembershipChanges(prisma, context.access)).toEqual([]);
    await evaluateMembershipRules(prisma, Date.parse("2026-12-06T05:02:00Z"));
    expect(await pendingOf(id)).toEqual(["REMOVED web-eu-1 (dismissed)"]);

    const audit = await prisma.auditEntry.findMany({ where: { target: `component:${id}`, action: { startsWith: "component.membership" } }, orderBy: { id: "asc" } });
    expect(audit.map((entry) => [entry.action, entry.userEmail, entry.detail])).toEqual([
      ["component.membership.apply", "admin@test.local", { cause: "review", added: ["web-eu-3"], removed: [] }],
      ["component.membership.dismiss", "admin@test.local", { dismissed: [{ host: "web-eu-1", status: "Removed" }] }],
    ]);

    // The host comes back: the rule matches it again, and the dismissed change goes.
    await prisma.host.update({ where: { id: estate.hosts.webEu1.id }, data: { removedAt: null } });
    await evaluateMembershipRules(prisma, Date.parse("2026-12-06T05:03:00Z"));
    expect(await pendingOf(id)).toEqual([]);
  });

  it("Semi-Automatic mode adds at once and keeps removals for review", async () => {
    const { prisma, estate, admin, contextOf, membersOf, pendingOf, addWebHost } = await setUp("SEMI_AUTOMATIC");
    const { id } = await createComponent(await contextOf(admin), { name: "Web EU", hostTemplate: "Web", ruleHostGroup: "Group eu", requiredOnline: 1 });
    await addWebHost("web-eu-3", "Group eu");
    await prisma.host.update({ where: { id: estate.hosts.webEu2.id }, data: { hostGroups: ["Group elsewhere"] } });
    await evaluateMembershipRules(prisma, Date.now());
    expect(await membersOf(id)).toEqual(["0:web-eu-1", "1:web-eu-2", "2:web-eu-3"]);
    expect(await pendingOf(id)).toEqual(["REMOVED web-eu-2"]);
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { action: "component.membership.apply", target: `component:${id}` } });
    expect([audit.userEmail, audit.userId, audit.detail]).toEqual(["system (membership rule)", null, { cause: "poll", mode: "SEMI_AUTOMATIC", added: ["web-eu-3"], removed: [] }]);
  });

  it("Automatic mode adds and removes, keeping positions tidy; it never removes below R and says why", async () => {
    const { prisma, estate, admin, contextOf, membersOf, pendingOf, addWebHost } = await setUp("AUTOMATIC");
    const { id } = await createComponent(await contextOf(admin), { name: "Web EU", hostTemplate: "Web", ruleHostGroup: "Group eu", requiredOnline: 2 });
    await addWebHost("web-eu-3", "Group eu");
    await prisma.host.update({ where: { id: estate.hosts.webEu1.id }, data: { removedAt: new Date() } });
    await evaluateMembershipRules(prisma, Date.now());
    expect(await membersOf(id)).toEqual(["0:web-eu-2", "1:web-eu-3"]);
    expect(await pendingOf(id)).toEqual([]);

    await prisma.host.update({ where: { id: estate.hosts.webEu2.id }, data: { removedAt: new Date() } });
    await evaluateMembershipRules(prisma, Date.now());
    expect(await membersOf(id)).toEqual(["0:web-eu-2", "1:web-eu-3"]);
    expect(await pendingOf(id)).toEqual(["REMOVED web-eu-2 !"]);
    const context = await contextOf(admin);
    expect((await listMembershipChanges(prisma, context.access))[0]!.error).toBe(requiredOnlineError(1, 2));
    expect(await prisma.component.findUniqueOrThrow({ where: { id }, select: { requiredOnline: true } })).toEqual({ requiredOnline: 2 });

    // Applying by hand is refused the same way; with R lowered the next poll removes it.
    const [change] = await listMembershipChanges(prisma, context.access);
    await expect(applyMembershipChanges(context, { changeId: change!.id })).rejects.toBeInstanceOf(ConflictError);
    await updateComponent(context, id, { name: "Web EU", hostTemplate: "Web", requiredOnline: 1 });
    await evaluateMembershipRules(prisma, Date.now());
    expect(await membersOf(id)).toEqual(["0:web-eu-3"]);
    expect(await pendingOf(id)).toEqual([]);
  });

  it("editing the rule keeps the hosts; the next poll offers the difference; a fixed component is never touched", async () => {
    const { prisma, estate, admin, contextOf, membersOf, pendingOf } = await setUp("MANUAL");
    const { id } = await createComponent(await contextOf(admin), { name: "Web EU", hostTemplate: "Web", ruleNamePattern: "web-eu-1", requiredOnline: 1 });
    const fixed = await createComponent(await contextOf(admin), { name: "Fixed", hostTemplate: "Web", hosts: ["web-us-1"], requiredOnline: 1 });
    const context = await contextOf(admin);
    await updateComponent(context, id, { name: "Web EU", hostTemplate: "Web", ruleNamePattern: "web-eu-?", requiredOnline: 1 });
    expect(await membersOf(id)).toEqual(["0:web-eu-1"]);
    await evaluateMembershipRules(prisma, Date.now());
    expect(await pendingOf(id)).toEqual(["DETECTED web-eu-2"]);
    await prisma.host.update({ where: { id: estate.hosts.webUs1.id }, data: { removedAt: new Date() } });
    await evaluateMembershipRules(prisma, Date.now());
    expect(await membersOf(fixed.id)).toEqual(["0:web-us-1"]);
    expect(await pendingOf(fixed.id)).toEqual([]);

    // Giving the rule up (both fields empty) turns it into a fixed list of the hosts given; pending changes go.
    await updateComponent(context, id, { name: "Web EU", hostTemplate: "Web", hosts: ["web-eu-1"], ruleHostGroup: "", ruleNamePattern: "", requiredOnline: 1 });
    expect(await pendingOf(id)).toEqual([]);
    expect(await prisma.component.findUniqueOrThrow({ where: { id }, select: { ruleNamePattern: true } })).toEqual({ ruleNamePattern: null });
    expect(await fieldErrorsOf(updateComponent(context, id, { name: "Web EU", hostTemplate: "Web", requiredOnline: 1 }))).toEqual({ hostIds: "Choose at least one host" });
  });

  it("review shows a user only the changes of components they may change, and Detected hosts they may add", async () => {
    const { prisma, admin, eu, contextOf, addWebHost } = await setUp("MANUAL");
    await createComponent(await contextOf(admin), { name: "Web EU", hostTemplate: "Web", ruleHostGroup: "Group eu", requiredOnline: 1 });
    await createComponent(await contextOf(admin), { name: "Web all", hostTemplate: "Web", ruleNamePattern: "web-*", requiredOnline: 1 });
    await addWebHost("web-eu-3", "Group eu");
    await prisma.host.create({ data: { name: "web-asia-1", hostGroups: ["Group eu"], keywords: ["asia"], templates: { create: { hostTemplateId: (await prisma.hostTemplate.findUniqueOrThrow({ where: { name: "Web" } })).id, priority: 0 } } } });
    await evaluateMembershipRules(prisma, Date.now());
    expect((await listMembershipChanges(prisma, (await contextOf(admin)).access)).map((change) => `${change.component.name} ${change.host}`)).toEqual([
      "Web EU web-asia-1",
      "Web EU web-eu-3",
      "Web all web-asia-1",
      "Web all web-eu-3",
    ]);
    const euContext = await contextOf(eu);
    expect((await listMembershipChanges(prisma, euContext.access)).map((change) => `${change.component.name} ${change.host}`)).toEqual(["Web EU web-eu-3"]);
    const applied = await applyMembershipChanges(euContext, "all");
    expect(applied.added).toEqual([{ component: "Web EU", host: "web-eu-3" }]);
    expect(await prisma.componentMembershipChange.count()).toBe(3);
  });

  it("the configuration document carries the rule: exported when set, kept when left out, removed with null", async () => {
    const { prisma, admin, contextOf } = await setUp();
    await createComponent(await contextOf(admin), { name: "Web EU", hostTemplate: "Web", ruleHostGroup: "Group eu", ruleNamePattern: "web-*", requiredOnline: 1 });
    await createComponent(await contextOf(admin), { name: "Db", hostTemplate: "Db", hosts: ["db-eu-1"], requiredOnline: 1 });
    const context = await contextOf(admin);
    const exported = await exportConfigDocument(prisma, context.access);
    expect(exported.components).toEqual([
      { name: "Db", hostTemplate: "Db", hosts: ["db-eu-1"], requiredOnline: 1, notes: "" },
      { name: "Web EU", hostTemplate: "Web", hosts: ["web-eu-1", "web-eu-2"], requiredOnline: 1, notes: "", rule: { hostGroup: "Group eu", namePattern: "web-*" } },
    ]);
    const ruleOfWebEu = async () => prisma.component.findUniqueOrThrow({ where: { name: "Web EU" }, select: { ruleHostGroup: true, ruleNamePattern: true } });

    const leftOut = await importConfigDocument(context, { ...exported, components: exported.components.map(({ rule, ...entry }) => (void rule, entry)) }, { dryRun: false, prune: false });
    expect(leftOut.plan.components.every((change) => change.action === "unchanged")).toBe(true);
    expect(await ruleOfWebEu()).toEqual({ ruleHostGroup: "Group eu", ruleNamePattern: "web-*" });

    await importConfigDocument(context, { ...exported, components: exported.components.map((entry) => (entry.name === "Web EU" ? { ...entry, rule: { namePattern: "web-eu-?" } } : entry)) }, { dryRun: false, prune: false });
    expect(await ruleOfWebEu()).toEqual({ ruleHostGroup: null, ruleNamePattern: "web-eu-?" });
    await importConfigDocument(await contextOf(admin), { ...exported, components: exported.components.map((entry) => ({ ...entry, rule: null })) }, { dryRun: false, prune: false });
    expect(await ruleOfWebEu()).toEqual({ ruleHostGroup: null, ruleNamePattern: null });
  });
});
