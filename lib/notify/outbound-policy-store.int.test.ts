import { describe, expect, it } from "vitest";
import { RUNTIMES, freshDatabaseOpener } from "@/tests/support/databases";
import { loadAccess } from "../auth/load-access";
import { ForbiddenError, ValidationError } from "../errors/app-error";
import { fieldErrorsOf } from "../errors/testing";
import { DEFAULT_OUTBOUND_POLICY, judgeAddress } from "./outbound-policy";
import { loadOutboundPolicy, loadOutboundPolicyForm, saveOutboundPolicy } from "./outbound-policy-store";
import { seedTestEstate } from "./runtime/test-estate";

describe.each(RUNTIMES)("the outbound policy setting on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime);

  async function setUp() {
    const database = await freshDatabase();
    const estate = await seedTestEstate(database);
    const prisma = database.prisma;
    const role = await prisma.role.create({ data: { name: "Web team", bsmAccess: true, hostGroups: ["Web"] } });
    const viewer = await prisma.user.create({ data: { email: "web@example.test", name: "Web", passwordHash: "x", roleId: role.id } });
    return {
      prisma,
      admin: { id: estate.adminId, email: "ops@example.test" },
      adminAccess: await loadAccess(prisma, estate.adminId),
      viewer: { id: viewer.id, email: viewer.email },
      viewerAccess: await loadAccess(prisma, viewer.id),
    };
  }

  it("is the default until an administrator saves one; saved, it is loaded back and audited", async () => {
    const { prisma, admin, adminAccess } = await setUp();
    expect(await loadOutboundPolicy(prisma)).toEqual(DEFAULT_OUTBOUND_POLICY);
    expect(await loadOutboundPolicyForm(prisma, adminAccess)).toEqual({ allow: "", deny: "", updatedAt: null, updatedByEmail: null });

    const saved = saveOutboundPolicy(prisma, {
      user: admin,
      access: adminAccess,
      raw: { allow: "127.0.0.1/32\n  10.0.0.0/8 , hooks.internal.example\n", deny: "10.9.0.0/16" },
    });
    await expect(saved).resolves.toBeUndefined();

    const policy = await loadOutboundPolicy(prisma);
    expect(judgeAddress(policy, "127.0.0.1")).toEqual({ allowed: true });
    expect(judgeAddress(policy, "127.0.0.2")).toEqual({ allowed: false, reason: "127.0.0.2 is loopback" });
    expect(judgeAddress(policy, "10.1.1.1")).toEqual({ allowed: true });
    expect(judgeAddress(policy, "10.9.1.1")).toEqual({ allowed: false, reason: "10.9.1.1 is denied by the entry 10.9.0.0/16" });
    expect(judgeAddress(policy, "192.168.1.1", "hooks.internal.example")).toEqual({ allowed: true });
    expect(await loadOutboundPolicyForm(prisma, adminAccess)).toMatchObject({
      allow: "127.0.0.1/32\n10.0.0.0/8\nhooks.internal.example",
      deny: "10.9.0.0/16",
      updatedByEmail: "ops@example.test",
    });
    const audit = await prisma.auditEntry.findMany({ where: { action: "outboundPolicy.update" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ userId: admin.id, target: "outboundPolicy", detail: { allow: ["127.0.0.1/32", "10.0.0.0/8", "hooks.internal.example"], deny: ["10.9.0.0/16"] } });

    await expect(saveOutboundPolicy(prisma, { user: admin, access: adminAccess, raw: { allow: "", deny: "" } })).resolves.toBeUndefined();
    expect(await loadOutboundPolicy(prisma)).toEqual(DEFAULT_OUTBOUND_POLICY);
  });

  it("saves nothing when an entry is bad, and names it under its field", async () => {
    const { prisma, admin, adminAccess } = await setUp();
    expect(await fieldErrorsOf(saveOutboundPolicy(prisma, { user: admin, access: adminAccess, raw: { allow: "127.0.0.1/32\n10.0.0.1/8", deny: "a_b" } }))).toEqual({
      allow: '"10.0.0.1/8" has bits set after the prefix length; write the network address (such as 10.0.0.0/8)',
      deny: '"a_b" is not an IP address, a CIDR range (10.0.0.0/8) or a host name',
    });
    await expect(saveOutboundPolicy(prisma, { user: admin, access: adminAccess, raw: { allow: 5 } })).rejects.toBeInstanceOf(ValidationError);
    expect(await prisma.outboundPolicySettings.count()).toBe(0);
    expect(await prisma.auditEntry.count({ where: { action: "outboundPolicy.update" } })).toBe(0);
  });

  it("is changed and read by administrators only", async () => {
    const { prisma, viewer, viewerAccess } = await setUp();
    await expect(saveOutboundPolicy(prisma, { user: viewer, access: viewerAccess, raw: { allow: "127.0.0.0/8", deny: "" } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(loadOutboundPolicyForm(prisma, viewerAccess)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await prisma.outboundPolicySettings.count()).toBe(0);
  });
});
