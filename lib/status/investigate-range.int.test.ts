import { describe, expect, it } from "vitest";
import { RUNTIMES, freshDatabaseOpener } from "@/tests/support/databases";
import { loadAccess } from "../auth/load-access";
import { createBusinessService } from "../config";
import { ValidationError } from "../errors/app-error";
import { DAY_MS } from "../time/calendar";
import { createUser } from "../users/create-user";
import { getInvestigateRange } from "./investigate-range";

describe.each(RUNTIMES)("Investigate over a range on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime);

  it("buckets the range by day in the user's zone, draws days before creation as no data, marks excluded periods", async () => {
    const { prisma } = await freshDatabase();
    const admin = await createUser(prisma, { email: "admin@test.local", name: "Admin", password: "admin-password", isAdmin: true });
    const viewer = await createUser(prisma, { email: "viewer@test.local", name: "Viewer", password: "viewer-password" });
    const service = await createBusinessService({ prisma, user: admin, access: await loadAccess(prisma, admin.id) }, { name: "Shop", componentIds: [] });
    const access = await loadAccess(prisma, admin.id);
    const now = Date.parse("2026-12-06T12:00:00Z");
    await prisma.businessService.update({ where: { id: service.id }, data: { createdAt: new Date(now - 2.5 * DAY_MS) } });
    await prisma.excludedPeriod.create({
      data: { objectType: "BUSINESS_SERVICE", objectKey: String(service.id), from: new Date(now - DAY_MS), to: new Date(now - DAY_MS / 2), reason: "Monitoring fault", createdById: admin.id },
    });
    const target = { kind: "service" as const, id: service.id };

    const view = await getInvestigateRange(prisma, access, target, { range: "7d" }, "Europe/Berlin", now);
    expect(view?.bucketSize).toBe("day");
    expect(view?.buckets).toHaveLength(8);
    // Berlin days start at 23:00 UTC in winter.
    expect(new Date(view!.buckets[1]!.from).toISOString()).toBe("2026-11-29T23:00:00.000Z");
    expect(view!.buckets.slice(0, 4).map((bucket) => bucket.availability)).toEqual([null, null, null, null]);
    expect(view!.buckets.at(-1)!.availability).toBe(100);
    expect(view!.excluded).toEqual([{ from: now - DAY_MS, to: now - DAY_MS / 2 }]);
    expect(view!.figures.availability).toBe(100);

    await expect(getInvestigateRange(prisma, access, target, { from: "2026-12-05T00:00:00Z", to: "2026-12-04T00:00:00Z" }, "UTC", now)).rejects.toThrow(ValidationError);
    expect(await getInvestigateRange(prisma, await loadAccess(prisma, viewer.id), target, { range: "7d" }, "UTC", now)).toBeNull();
  });
});
