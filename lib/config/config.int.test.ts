import { describe, expect, it } from "vitest";
import { RUNTIMES, freshDatabaseOpener } from "@/tests/support/databases";
import { loadAccess } from "../auth/load-access";
import { readConfigurationVersion } from "../poller/load-bsm-config";
import { createUser } from "../users/create-user";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors/app-error";
import {
  createBusinessService,
  createComponent,
  deleteBusinessService,
  deleteComponent,
  listBusinessServices,
  listComponents,
  listHostChoices,
  listHostTemplatesInUse,
  updateBusinessService,
  updateComponent,
  type ConfigContext,
} from ".";
import { seedSmallEstate } from "./testing";

describe.each(RUNTIMES)("configuration on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime);

  async function setUp() {
    const database = await freshDatabase();
    const prisma = database.prisma;
    const estate = await seedSmallEstate(prisma);
    const admin = await createUser(prisma, { email: "admin@test.local", name: "Admin", password: "admin-password", isAdmin: true });
    const euRole = await prisma.role.create({
      data: { name: "EU configurer", keywords: ["eu"], configureBsm: true, configureBsmComponents: true, grantServicesOfComponents: true },
    });
    const eu = await createUser(prisma, { email: "eu@test.local", name: "EU", password: "eu-password" });
    await prisma.user.update({ where: { id: eu.id }, data: { roleId: euRole.id } });
    const viewerRole = await prisma.role.create({ data: { name: "Viewer", viewAll: true, allBusinessServices: true } });
    const viewer = await createUser(prisma, { email: "viewer@test.local", name: "Viewer", password: "viewer-password" });
    await prisma.user.update({ where: { id: viewer.id }, data: { roleId: viewerRole.id } });
    const contextOf = async (user: { id: string; email: string }): Promise<ConfigContext> => ({
      prisma,
      user,
      access: await loadAccess(prisma, user.id),
    });
    return { database, prisma, estate, admin, eu, viewer, euRole, contextOf };
  }

  it("creates, updates and deletes a component with audit entries, and the poller's configuration version follows", async () => {
    const { database, prisma, estate, admin, contextOf } = await setUp();
    const versions = [await database.withConnection(readConfigurationVersion)];
    const { id } = await createComponent(await contextOf(admin), {
      name: "Web EU",
      hostTemplateId: estate.templates.web.id,
      hostIds: [estate.hosts.webEu2.id, estate.hosts.webEu1.id],
      requiredOnline: 1,
    });
    versions.push(await database.withConnection(readConfigurationVersion));
    const [listed] = await listComponents(prisma, (await contextOf(admin)).access);
    expect(listed).toMatchObject({ id, name: "Web EU", hostsCount: 2, requiredOnline: 1, operationalZonePercent: 50 });
    expect(listed.hosts.map((host) => host.name)).toEqual(["web-eu-2", "web-eu-1"]);

    await updateComponent(await contextOf(admin), id, {
      name: "Web everywhere",
      hostTemplateId: estate.templates.web.id,
      hostIds: [estate.hosts.webEu1.id, estate.hosts.webEu2.id, estate.hosts.webUs1.id],
      requiredOnline: 2,
    });
    versions.push(await database.withConnection(readConfigurationVersion));
    const [updated] = await listComponents(prisma, (await contextOf(admin)).access);
    expect(updated).toMatchObject({ name: "Web everywhere", hostsCount: 3, requiredOnline: 2, operationalZonePercent: 66.67 });

    await deleteComponent(await contextOf(admin), id);
    versions.push(await database.withConnection(readConfigurationVersion));
    expect(await prisma.component.count()).toBe(0);
    for (let index = 1; index < versions.length; index++) expect(versions[index]).not.toBe(versions[index - 1]);
    const audit = await prisma.auditEntry.findMany({ orderBy: { id: "asc" }, select: { action: true, target: true, userEmail: true } });
    expect(audit).toEqual([
      { action: "component.create", target: `component:${id}`, userEmail: "admin@test.local" },
      { action: "component.update", target: `component:${id}`, userEmail: "admin@test.local" },
      { action: "component.delete", target: `component:${id}`, userEmail: "admin@test.local" },
    ]);
  });

  it("deletes a component that business services use only when told they lose it, and says which lost it", async () => {
    const { prisma, estate, admin, contextOf } = await setUp();
    let context = await contextOf(admin);
    const web = await createComponent(context, { name: "Web servers", hostTemplateId: estate.templates.web.id, hostIds: [estate.hosts.webEu1.id], requiredOnline: 1 });
    await createBusinessService(await contextOf(admin), { name: "Shop", componentIds: [web.id] });
    await createBusinessService(await contextOf(admin), { name: "Payment API", componentIds: [web.id] });
    context = await contextOf(admin);
    expect((await listComponents(prisma, context.access))[0].usedBy.map((service) => service.name)).toEqual(["Payment API", "Shop"]);

    const refused = deleteComponent(context, web.id);
    await expect(refused).rejects.toBeInstanceOf(ConflictError);
    await expect(deleteComponent(context, web.id)).rejects.toThrow("Web servers is used by 2 business services: Payment API, Shop. Deleting it removes it from them");
    expect(await prisma.component.count()).toBe(1);

    expect(await deleteComponent(context, web.id, { removeFromServices: true })).toEqual({ name: "Web servers", removedFrom: ["Payment API", "Shop"] });
    expect(await prisma.component.count()).toBe(0);
    expect(await prisma.businessServiceComponent.count()).toBe(0);
    expect((await listBusinessServices(prisma, context.access)).map((service) => service.name)).toEqual(["Payment API", "Shop"]);
  });

  it("refuses bad component input with a message per field and writes nothing", async () => {
    const { prisma, estate, admin, contextOf } = await setUp();
    const context = await contextOf(admin);
    const attempt = (input: unknown) => createComponent(context, input);
    await expect(attempt({ name: " ", hostTemplateId: estate.templates.web.id, hostIds: [], requiredOnline: 0 })).rejects.toMatchObject({
      fieldErrors: { name: "Enter a name" },
    });
    await expect(
      attempt({ name: "Too many", hostTemplateId: estate.templates.web.id, hostIds: [estate.hosts.webEu1.id], requiredOnline: 2 }),
    ).rejects.toMatchObject({ fieldErrors: { requiredOnline: "Required online must be between 0 and the number of hosts (1)" } });
    await expect(
      attempt({ name: "Mixed", hostTemplateId: estate.templates.web.id, hostIds: [estate.hosts.dbEu1.id], requiredOnline: 1 }),
    ).rejects.toMatchObject({ fieldErrors: { hostIds: "db-eu-1 does not use the selected host template" } });
    await createComponent(context, { name: "Taken", hostTemplateId: estate.templates.db.id, hostIds: [estate.hosts.dbEu1.id], requiredOnline: 1 });
    await expect(
      attempt({ name: "Taken", hostTemplateId: estate.templates.db.id, hostIds: [estate.hosts.dbEu1.id], requiredOnline: 1 }),
    ).rejects.toMatchObject({ fieldErrors: { name: "Another component already has this name" } });
    await expect(attempt("not an object")).rejects.toBeInstanceOf(ValidationError);
    expect(await prisma.component.count()).toBe(1);
    expect(await prisma.auditEntry.count()).toBe(1);
  });

  it("offers only templates in use and the hosts the editor may see; hidden hosts cannot be added", async () => {
    const { prisma, estate, eu, contextOf } = await setUp();
    expect((await listHostTemplatesInUse(prisma)).map((template) => template.name)).toEqual(["Db", "Web"]);
    const context = await contextOf(eu);
    expect((await listHostChoices(prisma, context.access)).map((host) => host.name)).toEqual(["db-eu-1", "web-eu-1", "web-eu-2"]);
    await expect(
      createComponent(context, { name: "Sneaky", hostTemplateId: estate.templates.web.id, hostIds: [estate.hosts.webUs1.id], requiredOnline: 1 }),
    ).rejects.toMatchObject({ fieldErrors: { hostIds: `Host ${estate.hosts.webUs1.id} cannot be chosen` } });
  });

  it("a viewer configures nothing; a configurer edits only what the role allows", async () => {
    const { prisma, estate, admin, eu, viewer, euRole, contextOf } = await setUp();
    const adminContext = await contextOf(admin);
    const webEu = await createComponent(adminContext, {
      name: "Web EU",
      hostTemplateId: estate.templates.web.id,
      hostIds: [estate.hosts.webEu1.id, estate.hosts.webEu2.id],
      requiredOnline: 1,
    });
    const webUs = await createComponent(adminContext, {
      name: "Web US",
      hostTemplateId: estate.templates.web.id,
      hostIds: [estate.hosts.webUs1.id],
      requiredOnline: 1,
    });
    const shop = await createBusinessService(await contextOf(admin), { name: "Shop", componentIds: [webEu.id, webUs.id] });
    const viewerContext = await contextOf(viewer);
    await expect(createComponent(viewerContext, { name: "X", hostTemplateId: estate.templates.web.id, hostIds: [], requiredOnline: 0 })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(updateBusinessService(viewerContext, shop.id, { name: "Renamed", componentIds: [] })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteBusinessService(viewerContext, shop.id)).rejects.toBeInstanceOf(ForbiddenError);

    // The EU configurer sees Shop bottom up (through Web EU) but may not edit it, and cannot see Web US at all.
    let euContext = await contextOf(eu);
    await expect(updateBusinessService(euContext, shop.id, { name: "Renamed", componentIds: [webEu.id] })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteComponent(euContext, webUs.id)).rejects.toBeInstanceOf(NotFoundError);
    const [shopView] = await listBusinessServices(prisma, euContext.access);
    expect(shopView.components).toEqual([
      { id: webEu.id, name: "Web EU", visible: true, hostsCount: 2, operationalZonePercent: 50 },
      { id: webUs.id, name: "Web US", visible: false, hostsCount: null, operationalZonePercent: null },
    ]);

    await prisma.roleBusinessService.create({ data: { roleId: euRole.id, businessServiceId: shop.id, canEdit: true } });
    euContext = await contextOf(eu);
    // Editable top down: Web US stays listed (its figures Unavailable) and can be reordered...
    expect((await listBusinessServices(prisma, euContext.access))[0].components[1]).toMatchObject({ id: webUs.id, visible: false, hostsCount: null });
    await updateBusinessService(euContext, shop.id, { name: "Shop EU first", componentIds: [webUs.id, webEu.id] });
    expect((await prisma.businessServiceComponent.findMany({ where: { businessServiceId: shop.id }, orderBy: { position: "asc" } })).map((row) => row.componentId)).toEqual([
      webUs.id,
      webEu.id,
    ]);
    // ...but once removed it cannot be added back by someone who cannot see its hosts.
    await updateBusinessService(euContext, shop.id, { name: "Shop EU first", componentIds: [webEu.id] });
    await expect(updateBusinessService(await contextOf(eu), shop.id, { name: "Shop EU first", componentIds: [webEu.id, webUs.id] })).rejects.toMatchObject({
      fieldErrors: { componentIds: `Component ${webUs.id} cannot be chosen` },
    });
  });

  it("a component the editor cannot see stays in a service but once removed cannot be re-added", async () => {
    const { prisma, estate, admin, eu, euRole, contextOf } = await setUp();
    const adminContext = await contextOf(admin);
    const webEu = await createComponent(adminContext, { name: "Web EU", hostTemplateId: estate.templates.web.id, hostIds: [estate.hosts.webEu1.id], requiredOnline: 1 });
    const webUs = await createComponent(adminContext, { name: "Web US", hostTemplateId: estate.templates.web.id, hostIds: [estate.hosts.webUs1.id], requiredOnline: 1 });
    const shop = await createBusinessService(await contextOf(admin), { name: "Shop", componentIds: [webEu.id, webUs.id] });
    const other = await createBusinessService(await contextOf(admin), { name: "Other", componentIds: [webEu.id] });
    await prisma.roleBusinessService.create({ data: { roleId: euRole.id, businessServiceId: other.id, canEdit: true } });
    const euContext = await contextOf(eu);
    expect(euContext.access.canSeeComponent(webUs.id)).toBe(false);
    await expect(updateBusinessService(euContext, other.id, { name: "Other", componentIds: [webEu.id, webUs.id] })).rejects.toMatchObject({
      fieldErrors: { componentIds: `Component ${webUs.id} cannot be chosen` },
    });
    expect(shop.id).toBeGreaterThan(0);
  });

  it("a component seen only top down lists without its hosts and cannot be edited or deleted; one used by a hidden service cannot be deleted", async () => {
    const { prisma, estate, admin, contextOf } = await setUp();
    const adminContext = await contextOf(admin);
    const webEu = await createComponent(adminContext, { name: "Web EU", hostTemplateId: estate.templates.web.id, hostIds: [estate.hosts.webEu1.id], requiredOnline: 1 });
    const webUs = await createComponent(adminContext, { name: "Web US", hostTemplateId: estate.templates.web.id, hostIds: [estate.hosts.webUs1.id], requiredOnline: 1 });
    const dbEu = await createComponent(adminContext, { name: "Db EU", hostTemplateId: estate.templates.db.id, hostIds: [estate.hosts.dbEu1.id], requiredOnline: 1 });
    const shopUs = await createBusinessService(await contextOf(admin), { name: "Shop US", componentIds: [webUs.id] });
    await createBusinessService(await contextOf(admin), { name: "Private", componentIds: [webEu.id] });
    // Keyword eu bottom up, Shop US top down (view only), no services through components.
    const role = await prisma.role.create({
      data: { name: "Component configurer", keywords: ["eu"], configureBsmComponents: true, businessServices: { create: { businessServiceId: shopUs.id, canEdit: false } } },
    });
    const configurer = await createUser(prisma, { email: "components@test.local", name: "Components", password: "components-password" });
    await prisma.user.update({ where: { id: configurer.id }, data: { roleId: role.id } });
    const context = await contextOf(configurer);
    expect(context.access.canSeeComponent(webUs.id)).toBe(true);

    const listed = await listComponents(prisma, context.access);
    expect(listed.map(({ name, hostsVisible, hosts, hostsCount, editRefusal, deleteRefusal }) => ({ name, hostsVisible, hosts: hosts.map((host) => host.name), hostsCount, editRefusal, deleteRefusal }))).toEqual([
      { name: "Db EU", hostsVisible: true, hosts: ["db-eu-1"], hostsCount: 1, editRefusal: null, deleteRefusal: null },
      { name: "Web EU", hostsVisible: true, hosts: ["web-eu-1"], hostsCount: 1, editRefusal: null, deleteRefusal: "it is used by business services you cannot see" },
      { name: "Web US", hostsVisible: false, hosts: [], hostsCount: 1, editRefusal: "you do not have access to all of its hosts", deleteRefusal: "you do not have access to all of its hosts" },
    ]);

    const rename = { name: "Renamed", hostTemplateId: estate.templates.web.id, hostIds: [estate.hosts.webUs1.id], requiredOnline: 1 };
    await expect(updateComponent(context, webUs.id, rename)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateComponent(context, webUs.id, rename)).rejects.toThrow("You cannot change Web US: you do not have access to all of its hosts");
    await expect(deleteComponent(context, webUs.id)).rejects.toThrow("You cannot delete Web US: you do not have access to all of its hosts");
    await expect(deleteComponent(context, webEu.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteComponent(context, webEu.id)).rejects.toThrow("You cannot delete Web EU: it is used by business services you cannot see");
    expect((await prisma.component.findMany({ orderBy: { name: "asc" }, select: { name: true } })).map((component) => component.name)).toEqual(["Db EU", "Web EU", "Web US"]);
    expect(await prisma.auditEntry.count({ where: { userEmail: configurer.email } })).toBe(0);

    // What the configurer sees bottom up, and nothing hidden uses, stays theirs to change.
    await updateComponent(context, webEu.id, { name: "Web EU 1", hostTemplateId: estate.templates.web.id, hostIds: [estate.hosts.webEu1.id], requiredOnline: 1 });
    await deleteComponent(context, dbEu.id);
    expect((await prisma.component.findMany({ orderBy: { name: "asc" }, select: { name: true } })).map((component) => component.name)).toEqual(["Web EU 1", "Web US"]);
  });

  it("a configurer's new business service is granted to their role, so they can go on editing it", async () => {
    const { prisma, estate, eu, euRole, contextOf } = await setUp();
    const euContext = await contextOf(eu);
    const dbEu = await createComponent(euContext, { name: "Db EU", hostTemplateId: estate.templates.db.id, hostIds: [estate.hosts.dbEu1.id], requiredOnline: 1 });
    const service = await createBusinessService(await contextOf(eu), { name: "Payments", componentIds: [dbEu.id] });
    expect(await prisma.roleBusinessService.findMany({ where: { roleId: euRole.id } })).toEqual([
      { roleId: euRole.id, businessServiceId: service.id, canEdit: true },
    ]);
    const after = await contextOf(eu);
    expect(after.access.canEditService(service.id)).toBe(true);
    await deleteBusinessService(after, service.id);
    expect(await prisma.businessService.count()).toBe(0);
  });
});
