import { describe, expect, it } from "vitest";
import { RUNTIMES, freshDatabaseOpener } from "@/tests/support/databases";
import { loadAccess } from "../../auth/load-access";
import { ForbiddenError, ValidationError } from "../../errors/app-error";
import { fieldErrorsOf } from "../../errors/testing";
import { countFailedDeliveries, listNotificationLog } from "../log/list-notification-log";
import { saveOutboundPolicy } from "../outbound-policy-store";
import { seedTestEstate } from "../runtime/test-estate";
import { saveContact } from "./contact-store";
import { newProfileFormValues, type MethodFormValues, type ProfileFormValues } from "./profile-form-values";
import { deleteProfile, getManagedProfile, listProfilesForUser, saveProfile } from "./profile-store";

describe.each(RUNTIMES)("notification profiles on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime);

  async function setUp({ allowLoopback = true } = {}) {
    const database = await freshDatabase();
    const estate = await seedTestEstate(database);
    const prisma = database.prisma;
    // The profiles' webhook goes to 127.0.0.1, which the outbound policy refuses unless allowed.
    if (allowLoopback) await prisma.outboundPolicySettings.create({ data: { allow: ["127.0.0.1/32"], deny: [], updatedByEmail: "ops@example.test" } });
    const admin = { id: estate.adminId, email: "ops@example.test", isAdmin: true };
    const webRole = await prisma.role.create({ data: { name: "Web team", bsmAccess: true, hostGroups: ["Web"] } });
    const dbRole = await prisma.role.create({ data: { name: "DBA", bsmAccess: true, hostGroups: ["Databases"] } });
    const webUser = await prisma.user.create({ data: { email: "web@example.test", name: "Web", passwordHash: "x", roleId: webRole.id } });
    const dbUser = await prisma.user.create({ data: { email: "dba@example.test", name: "DBA", passwordHash: "x", roleId: dbRole.id } });
    return {
      estate,
      prisma,
      admin,
      webRole,
      web: { id: webUser.id, email: webUser.email, isAdmin: false },
      dba: { id: dbUser.id, email: dbUser.email, isAdmin: false },
    };
  }

  function form(overrides: Partial<ProfileFormValues>): ProfileFormValues {
    return { ...newProfileFormValues(), name: "On call", methods: [{ kind: "webhook", url: "http://127.0.0.1:9/hook", headers: "", timeoutSeconds: "5" }], ...overrides };
  }

  it("saves a personal profile for objects the owner may see, audited, and refuses objects they may not see", async () => {
    const { estate, prisma, web, dba } = await setUp();
    const webAccess = await loadAccess(prisma, web.id);
    const id = await saveProfile(prisma, { user: web, access: webAccess, id: null, raw: form({ componentIds: [estate.componentId], triggers: ["failed", "availability"] }) });
    const stored = await getManagedProfile(prisma, web, id);
    expect(stored).toMatchObject({ name: "On call", shared: false, ownerId: web.id, componentIds: [estate.componentId], rules: { triggers: ["failed", "availability"], timePeriod: "24x7" } });
    expect(await prisma.auditEntry.findMany({ select: { action: true, target: true, userEmail: true } })).toEqual([
      { action: "notificationProfile.create", target: `notificationProfile:${id}`, userEmail: "web@example.test" },
    ]);

    const refused = saveProfile(prisma, { user: dba, access: await loadAccess(prisma, dba.id), id: null, raw: form({ businessServiceIds: [estate.serviceId] }) });
    expect(await fieldErrorsOf(refused)).toEqual({ objects: `You may not see business service ${estate.serviceId}` });
    expect(await prisma.notificationProfile.count()).toBe(1);

    // Nobody else may read, change or delete it.
    expect(await getManagedProfile(prisma, dba, id)).toBeNull();
    await expect(saveProfile(prisma, { user: dba, access: await loadAccess(prisma, dba.id), id, raw: form({ componentIds: [estate.componentId] }) })).rejects.toBeInstanceOf(ValidationError);
    await expect(deleteProfile(prisma, { user: dba, access: await loadAccess(prisma, dba.id), id })).rejects.toBeInstanceOf(ForbiddenError);
    await deleteProfile(prisma, { user: web, access: webAccess, id });
    expect(await prisma.notificationProfile.count()).toBe(0);
  });

  it("stores the burn trigger's windows, reads them back as rules, and forgets them without the trigger", async () => {
    const { estate, prisma, web } = await setUp();
    const access = await loadAccess(prisma, web.id);
    const windows = [{ windowMinutes: "30", budgetPercent: "1.5" }, { windowMinutes: "1440", budgetPercent: "10" }];
    const id = await saveProfile(prisma, { user: web, access, id: null, raw: form({ componentIds: [estate.componentId], triggers: ["burn"], burnRateWindows: windows }) });
    const stored = await getManagedProfile(prisma, web, id);
    const expected = [{ windowMinutes: 30, budgetPercent: 1.5 }, { windowMinutes: 1440, budgetPercent: 10 }];
    expect(stored).toMatchObject({ burnRateWindows: expected, rules: { triggers: ["burn"], burnRateWindows: expected } });

    const bad = saveProfile(prisma, { user: web, access, id, raw: form({ componentIds: [estate.componentId], triggers: ["burn"], burnRateWindows: [{ windowMinutes: "60", budgetPercent: "0" }] }) });
    expect(await fieldErrorsOf(bad)).toEqual({ "burnRateWindows.0.budgetPercent": "Enter a percentage above 0, at most 100" });

    await saveProfile(prisma, { user: web, access, id, raw: form({ componentIds: [estate.componentId], triggers: ["failed"], burnRateWindows: windows }) });
    expect((await prisma.notificationProfile.findUniqueOrThrow({ where: { id } })).burnRateWindows).toBeNull();
    expect((await getManagedProfile(prisma, web, id))?.rules.burnRateWindows).toBeUndefined();
    const audits = await prisma.auditEntry.findMany({ where: { action: { startsWith: "notificationProfile." } }, orderBy: { id: "asc" }, select: { detail: true } });
    expect(audits.map((audit) => (audit.detail as { burnRateWindows: unknown }).burnRateWindows)).toEqual([expected, null]);
  });

  it("refuses to delete even an own profile once the owner has lost BSM access", async () => {
    const { estate, prisma, web, webRole } = await setUp();
    const id = await saveProfile(prisma, { user: web, access: await loadAccess(prisma, web.id), id: null, raw: form({ componentIds: [estate.componentId] }) });
    await prisma.role.update({ where: { id: webRole.id }, data: { bsmAccess: false } });
    await expect(deleteProfile(prisma, { user: web, access: await loadAccess(prisma, web.id), id })).rejects.toThrow("This needs the BSM access permission");
    expect(await prisma.notificationProfile.count()).toBe(1);
  });

  it("keeps command methods and shared profiles for administrators", async () => {
    const { estate, prisma, admin, web, webRole } = await setUp();
    const command: MethodFormValues = { kind: "command", argv: "/usr/bin/logger\nBSM", timeoutSeconds: "10", settings: "", contactVariables: "" };
    const webAccess = await loadAccess(prisma, web.id);
    expect(await fieldErrorsOf(saveProfile(prisma, { user: web, access: webAccess, id: null, raw: form({ componentIds: [estate.componentId], shared: true, methods: [command] }) }))).toEqual({
      shared: "Only administrators create shared profiles",
      "methods.0.argv": "Only administrators may run commands on the server; use e-mail or a webhook",
    });

    const sharedId = await saveProfile(prisma, {
      user: admin,
      access: await loadAccess(prisma, admin.id),
      id: null,
      raw: form({ name: "Web on call", businessServiceIds: [estate.serviceId], shared: true, sharedWithRoleIds: [webRole.id], methods: [command] }),
    });
    // The shared profile reaches users of its roles; they see it but only admins change it.
    expect((await listProfilesForUser(prisma, web)).map((profile) => profile.name)).toEqual(["Web on call"]);
    expect(await getManagedProfile(prisma, web, sharedId)).toBeNull();
    expect((await listProfilesForUser(prisma, admin)).map((profile) => profile.name)).toEqual(["Web on call"]);
  });

  it("stores contact details with field errors for bad variables, and shows the log only for the user's profiles and visible objects", async () => {
    const { estate, prisma, web, dba } = await setUp();
    const webAccess = await loadAccess(prisma, web.id);
    expect(await fieldErrorsOf(saveContact(prisma, { user: web, access: webAccess, raw: { pager: "07700 900123", variables: "slack=#web\nBAD NAME=1" } }))).toEqual({
      variables: '"BAD NAME=1" is not NAME=value (letters, digits and _ in the name)',
    });
    await expect(saveContact(prisma, { user: web, access: webAccess, raw: { pager: "07700 900123", variables: "slack=#web" } })).resolves.toBeUndefined();
    expect(await prisma.notificationContact.findUnique({ where: { userId: web.id } })).toMatchObject({ pager: "07700 900123", variables: { SLACK: "#web" } });

    const profileId = await saveProfile(prisma, { user: web, access: webAccess, id: null, raw: form({ componentIds: [estate.componentId] }) });
    await prisma.notificationEvent.create({
      data: { profileId, objectType: "COMPONENT", objectKey: String(estate.componentId), objectName: "Web servers", at: new Date(), type: "PROBLEM", state: "OFFLINE", number: 2, availability: 99.1, send: false, skipReason: "belowAlertFrom" },
    });
    const log = await listNotificationLog(prisma, { user: web, access: webAccess, filter: { object: `COMPONENT:${estate.componentId}` } });
    expect(log.entries).toMatchObject([{ profileName: "On call", objectName: "Web servers", type: "PROBLEM", number: 2, send: false, skipReason: "belowAlertFrom", deliveries: [] }]);
    await prisma.notificationEvent.create({
      data: {
        profileId, objectType: "COMPONENT", objectKey: String(estate.componentId), objectName: "Web servers", at: new Date(), type: "PROBLEM", state: "FAILED", number: 3, availability: 99, send: true,
        deliveries: { create: { recipientName: "Web", methodIndex: 0, methodKind: "webhook", status: "FAILED", payload: {}, nextAttemptAt: new Date(), updatedAt: new Date(), error: "connection refused" } },
      },
    });
    expect(await countFailedDeliveries(prisma, [profileId])).toEqual(new Map([[profileId, 1]]));
    expect(log.objects).toEqual([{ value: `COMPONENT:${estate.componentId}`, name: "Web servers" }]);
    expect((await listNotificationLog(prisma, { user: dba, access: await loadAccess(prisma, dba.id), filter: {} })).entries).toEqual([]);
  });

  it("refuses webhook and SMTP targets the outbound policy refuses, with a field error, until an administrator allows them", async () => {
    const { estate, prisma, admin, web } = await setUp({ allowLoopback: false });
    const webAccess = await loadAccess(prisma, web.id);
    const adminAccess = await loadAccess(prisma, admin.id);
    const webhook = (url: string): MethodFormValues => ({ kind: "webhook", url, headers: "", timeoutSeconds: "5" });
    const email = (host: string): MethodFormValues => ({ kind: "email", host, port: "25", secure: false, username: "", password: "", from: "bsm@example.test", timeoutSeconds: "5" });
    const names: Record<string, string[]> = { "hooks.internal.test": ["10.1.2.3"], "mixed.internal.test": ["93.184.215.14", "192.168.0.9"], "hooks.public.test": ["93.184.215.14"] };
    const resolveHost = async (name: string) => {
      const addresses = names[name];
      if (!addresses) throw Object.assign(new Error(`no such name ${name}`), { code: "ENOTFOUND" });
      return addresses.map((address) => ({ address, family: 4 }));
    };
    const save = (user: typeof web, access: typeof webAccess, methods: MethodFormValues[]) =>
      saveProfile(prisma, { user, access, id: null, raw: form({ componentIds: [estate.componentId], methods }), resolveHost });
    const hint = "(an administrator may allow it under Settings → Outbound targets)";

    expect(await fieldErrorsOf(save(web, webAccess, [webhook("http://127.0.0.1:9/hook"), email("169.254.169.254"), webhook("http://[::ffff:10.0.0.1]/"), webhook("http://0x7f.1/")]))).toEqual({
      "methods.0.url": `Refused by the outbound policy: 127.0.0.1 is loopback ${hint}`,
      "methods.1.host": `Refused by the outbound policy: 169.254.169.254 is link-local (the cloud metadata address) ${hint}`,
      "methods.2.url": `Refused by the outbound policy: ::ffff:a00:1 is private ${hint}`,
      "methods.3.url": `Refused by the outbound policy: 127.0.0.1 is loopback ${hint}`,
    });
    expect(await fieldErrorsOf(save(web, webAccess, [webhook("https://hooks.internal.test/x"), email("mixed.internal.test")]))).toEqual({
      "methods.0.url": `Refused by the outbound policy: hooks.internal.test resolves to 10.1.2.3, which is private ${hint}`,
      "methods.1.host": `Refused by the outbound policy: mixed.internal.test resolves to 192.168.0.9, which is private ${hint}`,
    });
    // The policy binds administrators too; they change it instead.
    // localhost through the system's resolver.
    expect(await fieldErrorsOf(saveProfile(prisma, { user: admin, access: adminAccess, id: null, raw: form({ componentIds: [estate.componentId], methods: [webhook("http://localhost:9/hook")] }) }))).toMatchObject({
      "methods.0.url": expect.stringMatching(/^Refused by the outbound policy: localhost resolves to (127\.0\.0\.1|::1), which is loopback /),
    });
    expect(await prisma.notificationProfile.count()).toBe(0);

    // Public targets, and names that do not resolve now (delivery checks them again), are accepted.
    await expect(save(web, webAccess, [webhook("https://hooks.public.test/x"), webhook("https://not-yet.public.test/x")])).resolves.toEqual(expect.any(Number));
    await expect(saveOutboundPolicy(prisma, { user: admin, access: adminAccess, raw: { allow: "127.0.0.1/32\nhooks.internal.test", deny: "" } })).resolves.toBeUndefined();
    await expect(save(web, webAccess, [webhook("http://127.0.0.1:9/hook"), webhook("https://hooks.internal.test/x")])).resolves.toEqual(expect.any(Number));
  });

  it("shows delivery output (reply bodies) to administrators only; others get the status and a short reason", async () => {
    const { estate, prisma, admin, web, webRole } = await setUp();
    const adminAccess = await loadAccess(prisma, admin.id);
    const webAccess = await loadAccess(prisma, web.id);
    const profileId = await saveProfile(prisma, {
      user: admin,
      access: adminAccess,
      id: null,
      raw: form({ name: "Shared", shared: true, sharedWithRoleIds: [webRole.id], componentIds: [estate.componentId] }),
    });
    const longReason = `HTTP 500 ${"x".repeat(400)}`;
    await prisma.notificationEvent.create({
      data: {
        profileId, objectType: "COMPONENT", objectKey: String(estate.componentId), objectName: "Web servers", at: new Date(), type: "PROBLEM", state: "FAILED", number: 1, availability: 99, send: true,
        deliveries: {
          create: [
            { recipientName: "Web", methodIndex: 0, methodKind: "webhook", status: "FAILED", payload: {}, nextAttemptAt: new Date(), updatedAt: new Date(), output: "internal secret body", error: "HTTP 500 Internal Server Error" },
            { recipientName: "Ops", methodIndex: 0, methodKind: "webhook", status: "FAILED", payload: {}, nextAttemptAt: new Date(), updatedAt: new Date(), errorOutput: "stderr secret", error: longReason },
          ],
        },
      },
    });
    const [viewerEntry] = (await listNotificationLog(prisma, { user: web, access: webAccess, filter: {} })).entries;
    expect(viewerEntry.deliveries).toEqual([
      expect.objectContaining({ recipientName: "Ops", output: "", errorOutput: "", error: `${longReason.slice(0, 199)}…`, outputHidden: true }),
      expect.objectContaining({ recipientName: "Web", status: "FAILED", output: "", errorOutput: "", error: "HTTP 500 Internal Server Error", outputHidden: true }),
    ]);
    expect(JSON.stringify(viewerEntry)).not.toContain("secret");
    const [adminEntry] = (await listNotificationLog(prisma, { user: admin, access: adminAccess, filter: {} })).entries;
    expect(adminEntry.deliveries).toEqual([
      expect.objectContaining({ recipientName: "Ops", errorOutput: "stderr secret", error: longReason, outputHidden: false }),
      expect.objectContaining({ recipientName: "Web", output: "internal secret body", error: "HTTP 500 Internal Server Error", outputHidden: false }),
    ]);
  });
});
