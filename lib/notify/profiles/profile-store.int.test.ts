import { afterEach, describe, expect, it } from "vitest";
import { RUNTIMES, openFreshDatabase } from "@/tests/support/databases";
import { AccessDeniedError } from "../../auth/access";
import { loadAccess } from "../../auth/load-access";
import { countFailedDeliveries, listNotificationLog } from "../log/list-notification-log";
import { seedTestEstate } from "../runtime/test-estate";
import { saveContact } from "./contact-store";
import { newProfileFormValues, type MethodFormValues, type ProfileFormValues } from "./profile-form-values";
import { deleteProfile, getManagedProfile, listProfilesForUser, saveProfile } from "./profile-store";

type FreshDatabase = Awaited<ReturnType<typeof openFreshDatabase>>;

describe.each(RUNTIMES)("notification profiles on %s", (runtime) => {
  let database: FreshDatabase;

  afterEach(async () => {
    await database.dropDatabase();
  });

  async function setUp() {
    database = await openFreshDatabase(runtime);
    await database.migrate();
    const estate = await seedTestEstate(database);
    const prisma = database.prisma;
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
    const saved = await saveProfile(prisma, { user: web, access: webAccess, id: null, raw: form({ componentIds: [estate.componentId], triggers: ["failed", "availability"] }) });
    expect(saved.ok).toBe(true);
    const id = saved.ok ? saved.id : -1;
    const stored = await getManagedProfile(prisma, web, id);
    expect(stored).toMatchObject({ name: "On call", shared: false, ownerId: web.id, componentIds: [estate.componentId], rules: { triggers: ["failed", "availability"], timePeriod: "24x7" } });
    expect(await prisma.auditEntry.findMany({ select: { action: true, target: true, userEmail: true } })).toEqual([
      { action: "notificationProfile.create", target: `notificationProfile:${id}`, userEmail: "web@example.test" },
    ]);

    const refused = await saveProfile(prisma, { user: dba, access: await loadAccess(prisma, dba.id), id: null, raw: form({ businessServiceIds: [estate.serviceId] }) });
    expect(refused).toEqual({ ok: false, fieldErrors: { objects: `You may not see business service ${estate.serviceId}` } });
    expect(await prisma.notificationProfile.count()).toBe(1);

    // Nobody else may read, change or delete it.
    expect(await getManagedProfile(prisma, dba, id)).toBeNull();
    await expect(saveProfile(prisma, { user: dba, access: await loadAccess(prisma, dba.id), id, raw: form({ componentIds: [estate.componentId] }) })).resolves.toMatchObject({ ok: false });
    await expect(deleteProfile(prisma, { user: dba, id })).rejects.toBeInstanceOf(AccessDeniedError);
    await deleteProfile(prisma, { user: web, id });
    expect(await prisma.notificationProfile.count()).toBe(0);
  });

  it("keeps command methods and shared profiles for administrators", async () => {
    const { estate, prisma, admin, web, webRole } = await setUp();
    const command: MethodFormValues = { kind: "command", argv: "/usr/bin/logger\nBSM", timeoutSeconds: "10", settings: "", contactVariables: "" };
    const webAccess = await loadAccess(prisma, web.id);
    expect(await saveProfile(prisma, { user: web, access: webAccess, id: null, raw: form({ componentIds: [estate.componentId], shared: true, methods: [command] }) })).toEqual({
      ok: false,
      fieldErrors: {
        shared: "Only administrators create shared profiles",
        "methods.0.argv": "Only administrators may run commands on the server; use e-mail or a webhook",
      },
    });

    const shared = await saveProfile(prisma, {
      user: admin,
      access: await loadAccess(prisma, admin.id),
      id: null,
      raw: form({ name: "Web on call", businessServiceIds: [estate.serviceId], shared: true, sharedWithRoleIds: [webRole.id], methods: [command] }),
    });
    expect(shared.ok).toBe(true);
    // The shared profile reaches users of its roles; they see it but only admins change it.
    expect((await listProfilesForUser(prisma, web)).map((profile) => profile.name)).toEqual(["Web on call"]);
    expect(await getManagedProfile(prisma, web, shared.ok ? shared.id : -1)).toBeNull();
    expect((await listProfilesForUser(prisma, admin)).map((profile) => profile.name)).toEqual(["Web on call"]);
  });

  it("stores contact details with field errors for bad variables, and shows the log only for the user's profiles and visible objects", async () => {
    const { estate, prisma, web, dba } = await setUp();
    const webAccess = await loadAccess(prisma, web.id);
    expect(await saveContact(prisma, { user: web, access: webAccess, raw: { pager: "07700 900123", variables: "slack=#web\nBAD NAME=1" } })).toEqual({
      ok: false,
      fieldErrors: { variables: '"BAD NAME=1" is not NAME=value (letters, digits and _ in the name)' },
    });
    expect(await saveContact(prisma, { user: web, access: webAccess, raw: { pager: "07700 900123", variables: "slack=#web" } })).toEqual({ ok: true });
    expect(await prisma.notificationContact.findUnique({ where: { userId: web.id } })).toMatchObject({ pager: "07700 900123", variables: { SLACK: "#web" } });

    const saved = await saveProfile(prisma, { user: web, access: webAccess, id: null, raw: form({ componentIds: [estate.componentId] }) });
    expect(saved.ok).toBe(true);
    const profileId = saved.ok ? saved.id : -1;
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
});
