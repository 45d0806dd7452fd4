import { describe, expect, it } from "vitest";
import { RUNTIMES, freshDatabaseOpener } from "@/tests/support/databases";
import { loadAccess } from "../auth/load-access";
import { createBusinessService, createComponent } from "../config";
import { seedSmallEstate } from "../config/testing";
import { createUser } from "../users/create-user";
import { getConfigurationCounts } from "./get-configuration-counts";

describe.each(RUNTIMES)("dashboard counts on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime);

  it("count the whole estate for administrators, only what a role sees for others, and nothing without BSM access", async () => {
    const database = await freshDatabase();
    const prisma = database.prisma;
    const estate = await seedSmallEstate(prisma);
    const admin = await createUser(prisma, { email: "admin@test.local", name: "Admin", password: "admin-password", isAdmin: true });
    const context = async () => ({ prisma, user: admin, access: await loadAccess(prisma, admin.id) });
    const webEu = await createComponent(await context(), { name: "Web EU", hostTemplateId: estate.templates.web.id, hostIds: [estate.hosts.webEu1.id], requiredOnline: 1 });
    const webUs = await createComponent(await context(), { name: "Web US", hostTemplateId: estate.templates.web.id, hostIds: [estate.hosts.webUs1.id], requiredOnline: 1 });
    await createBusinessService(await context(), { name: "Shop EU", componentIds: [webEu.id] });
    await createBusinessService(await context(), { name: "Shop US", componentIds: [webUs.id] });
    await prisma.serviceCheck.createMany({
      data: [
        { hostId: estate.hosts.webEu1.id, name: "HTTP", state: "OK" },
        { hostId: estate.hosts.webEu1.id, name: "Disk", state: "OK" },
        { hostId: estate.hosts.webUs1.id, name: "HTTP", state: "OK" },
      ],
    });
    const userWith = async (email: string, role: { bsmAccess: boolean; keywords: string[]; viewAll?: boolean }) => {
      const created = await prisma.role.create({ data: { name: email, grantServicesOfComponents: true, ...role } });
      const user = await createUser(prisma, { email, name: email, password: "some-password" });
      await prisma.user.update({ where: { id: user.id }, data: { roleId: created.id } });
      return loadAccess(prisma, user.id);
    };
    const noBsm = await userWith("nobsm@test.local", { bsmAccess: false, keywords: ["eu"], viewAll: true });
    const eu = await userWith("eu@test.local", { bsmAccess: true, keywords: ["eu"] });

    expect(await getConfigurationCounts(prisma, noBsm)).toBeNull();
    expect(await getConfigurationCounts(prisma, eu)).toEqual({ businessServices: 1, components: 1, hosts: 3, serviceChecks: 2, users: null });
    expect(await getConfigurationCounts(prisma, await loadAccess(prisma, admin.id))).toEqual({ businessServices: 2, components: 2, hosts: 4, serviceChecks: 3, users: 3 });
  });
});
