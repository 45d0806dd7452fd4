import { describe, expect, it } from "vitest";
import { RUNTIMES, freshDatabaseOpener } from "@/tests/support/databases";
import { revokeApiToken } from "../auth/api-tokens";
import { loadAccess } from "../auth/load-access";
import { createBusinessService, createComponent, updateBusinessService, updateComponent, type ConfigContext } from "../config";
import { seedSmallEstate } from "../config/testing";
import { getHostElement } from "../connector/get-host-element";
import { removeDashlet } from "../dashboard/manage-dashlets";
import { ForbiddenError, NotFoundError, ValidationError } from "../errors/app-error";
import { fieldErrorsOf } from "../errors/testing";
import { newProfileFormValues, type ProfileFormValues } from "../notify/profiles/profile-form-values";
import { getManagedProfile, saveProfile } from "../notify/profiles/profile-store";
import { createUser } from "../users/create-user";
import { createUserAsAdmin } from "../users/manage-users";
import { saveRole } from "../users/roles";
import { DeferredInput } from "./deferred-input";

const BEYOND_INT4 = 2147483648;
const BAD_TEXTS = [
  ["a NUL character", "Web\u0000EU"],
  ["an unpaired surrogate", "Web \uD800 EU"],
] as const;

/** Bad input must come back as a field error for the form or the API (400), never as a database error (500). */
describe.each(RUNTIMES)("input PostgreSQL cannot store, on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime);

  async function setUp() {
    const database = await freshDatabase();
    const prisma = database.prisma;
    const estate = await seedSmallEstate(prisma);
    const admin = await createUser(prisma, { email: "admin@test.local", name: "Admin", password: "admin-password", isAdmin: true });
    const context = async (): Promise<ConfigContext> => ({ prisma, user: admin, access: await loadAccess(prisma, admin.id) });
    const component = await createComponent(await context(), { name: "Web", hostTemplateId: estate.templates.web.id, hostIds: [estate.hosts.webEu1.id], requiredOnline: 1 });
    const service = await createBusinessService(await context(), { name: "Shop", componentIds: [component.id] });
    return { prisma, estate, admin, context, component, service };
  }

  it.each(BAD_TEXTS)("refuses a component or business service name with %s as a field error", async (_what, name) => {
    const { estate, context, component, service } = await setUp();
    const componentInput = { name, hostTemplateId: estate.templates.web.id, hostIds: [estate.hosts.webEu1.id], requiredOnline: 1 };
    expect(Object.keys(await fieldErrorsOf(createComponent(await context(), componentInput)))).toEqual(["name"]);
    expect(Object.keys(await fieldErrorsOf(updateComponent(await context(), component.id, componentInput)))).toEqual(["name"]);
    expect(Object.keys(await fieldErrorsOf(createBusinessService(await context(), { name, componentIds: [component.id] })))).toEqual(["name"]);
    expect(Object.keys(await fieldErrorsOf(updateBusinessService(await context(), service.id, { name, componentIds: [component.id] })))).toEqual(["name"]);
  });

  it("refuses ids beyond PostgreSQL's integer range as field errors", async () => {
    const { estate, context, component, service } = await setUp();
    const web = estate.templates.web.id;
    const host = estate.hosts.webEu1.id;
    expect(await fieldErrorsOf(createComponent(await context(), { name: "A", hostTemplateId: BEYOND_INT4, hostIds: [host], requiredOnline: 1 }))).toHaveProperty("hostTemplateId");
    expect(await fieldErrorsOf(createComponent(await context(), { name: "B", hostTemplateId: web, hostIds: [BEYOND_INT4], requiredOnline: 1 }))).toHaveProperty("hostIds");
    expect(await fieldErrorsOf(updateComponent(await context(), component.id, { name: "C", hostTemplateId: web, hostIds: [BEYOND_INT4], requiredOnline: 1 }))).toHaveProperty("hostIds");
    expect(await fieldErrorsOf(createBusinessService(await context(), { name: "D", componentIds: [BEYOND_INT4] }))).toHaveProperty("componentIds");
    expect(await fieldErrorsOf(updateBusinessService(await context(), service.id, { name: "E", componentIds: [BEYOND_INT4] }))).toHaveProperty("componentIds");
  });

  it("refuses bad names and ids in notification profiles as field errors, and treats an id beyond range as no profile", async () => {
    const { prisma, admin, component } = await setUp();
    // The profiles' webhook goes to 127.0.0.1, which the outbound policy refuses unless allowed.
    await prisma.outboundPolicySettings.create({ data: { allow: ["127.0.0.1/32"], deny: [], updatedByEmail: admin.email } });
    const access = await loadAccess(prisma, admin.id);
    const user = { ...admin, isAdmin: true };
    const form = (overrides: Partial<ProfileFormValues>): ProfileFormValues => ({
      ...newProfileFormValues(),
      name: "On call",
      componentIds: [component.id],
      methods: [{ kind: "webhook", url: "http://127.0.0.1:9/hook", headers: "", timeoutSeconds: "5" }],
      ...overrides,
    });
    for (const [, bad] of BAD_TEXTS) {
      expect(await fieldErrorsOf(saveProfile(prisma, { user, access, id: null, raw: form({ name: bad }) }))).toMatchObject({ name: expect.any(String) });
      const header = form({ methods: [{ kind: "webhook", url: "http://127.0.0.1:9/hook", headers: `X-Team: ${bad}`, timeoutSeconds: "5" }] });
      expect(await fieldErrorsOf(saveProfile(prisma, { user, access, id: null, raw: header }))).toMatchObject({ "methods.0.headers": expect.any(String) });
    }
    await expect(saveProfile(prisma, { user, access, id: null, raw: form({ sharedWithRoleIds: [BEYOND_INT4], shared: true }) })).rejects.toBeInstanceOf(ValidationError);
    await expect(saveProfile(prisma, { user, access, id: BEYOND_INT4, raw: form({}) })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await getManagedProfile(prisma, user, 99999999999)).toBeNull();
    expect(await prisma.notificationProfile.count()).toBe(0);
  });

  it("refuses bad role and user names, and ids beyond range in tokens, dashlets and host pages", async () => {
    const { prisma, admin, context } = await setUp();
    const role = { name: "Ops\u0000", bsmAccess: true, viewAll: true, allBusinessServices: true, grantServicesOfComponents: false, configureBsm: false, configureBsmComponents: false, hostGroups: [], keywords: [], businessServices: [] };
    expect(await fieldErrorsOf(saveRole(await context(), null, role))).toHaveProperty("name");
    expect(await fieldErrorsOf(saveRole(await context(), null, { ...role, name: "Ops", hostGroups: ["Web\uDC00"] }))).toHaveProperty("hostGroups");
    expect(await fieldErrorsOf(saveRole(await context(), null, { ...role, name: "Ops", businessServices: [{ id: BEYOND_INT4, canEdit: false }] }))).toHaveProperty("businessServices");
    expect(await fieldErrorsOf(createUserAsAdmin(await context(), { email: "x@test.local", name: "X\u0000", password: "long-enough", isAdmin: false, roleId: null }))).toHaveProperty("name");
    expect(await fieldErrorsOf(createUserAsAdmin(await context(), { email: "x@test.local", name: "X", password: "long-enough", isAdmin: false, roleId: BEYOND_INT4 }))).toHaveProperty("roleId");
    expect(await revokeApiToken(prisma, admin, BEYOND_INT4)).toBe(false);
    await expect(removeDashlet(prisma, admin.id, BEYOND_INT4)).rejects.toBeInstanceOf(NotFoundError);
    expect(await getHostElement(prisma, (await context()).access, "web\u0000")).toBeNull();
  });

  it("checks permissions before it reads a deferred body: a caller who may not configure never has it read", async () => {
    const { prisma, estate } = await setUp();
    const viewerRole = await prisma.role.create({ data: { name: "Viewer", bsmAccess: true, viewAll: true, allBusinessServices: true } });
    const viewer = await createUser(prisma, { email: "viewer@test.local", name: "Viewer", password: "viewer-password" });
    await prisma.user.update({ where: { id: viewer.id }, data: { roleId: viewerRole.id } });
    const reads: string[] = [];
    const body = new DeferredInput(async () => {
      reads.push("read");
      return { name: "Never", hostTemplateId: estate.templates.web.id, hostIds: [], requiredOnline: 0 };
    });
    const viewerContext: ConfigContext = { prisma, user: viewer, access: await loadAccess(prisma, viewer.id) };
    await expect(createComponent(viewerContext, body)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createBusinessService(viewerContext, body)).rejects.toBeInstanceOf(ForbiddenError);
    expect(reads).toEqual([]);
  });
});
