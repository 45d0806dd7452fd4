import { beforeAll, describe, expect, it } from "vitest";
import { NO_GRANTS, createAccess } from "@/lib/auth/access";
import { RUNTIMES, freshDatabaseOpener, type FreshDatabase } from "@/tests/support/databases";
import { NotFoundError, ValidationError } from "../errors/app-error";
import { addDashlet, listDashlets, moveDashlet, moveDashletTo, removeDashlet, resizeDashlet } from "./manage-dashlets";

const estate = {
  hosts: new Map([["web1", { hostGroups: ["web"], keywords: [] }]]),
  componentHosts: new Map([[3, ["web1"]]]),
  serviceComponents: new Map([[12, [3]], [13, [3]]]),
};
const viewer = createAccess({ ...NO_GRANTS, bsmAccess: true, viewAll: true, businessServices: new Map([[12, { canEdit: false }]]) }, estate);

describe.each(RUNTIMES)("personal dashboards on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime, { lifetime: "suite" });
  let database: FreshDatabase;
  let userId: string;
  let otherUserId: string;

  beforeAll(async () => {
    database = await freshDatabase();
    const create = (email: string) => database.prisma.user.create({ data: { email, name: email, passwordHash: "x" } });
    userId = (await create("a@bsm.local")).id;
    otherUserId = (await create("b@bsm.local")).id;
  }, 60_000);

  it("adds dashlets at the end, keeps a pinned view once, reorders, resizes and removes them", async () => {
    const { prisma } = database;
    const summary = await addDashlet(prisma, userId, viewer, { kind: "summary" });
    const service = await addDashlet(prisma, userId, viewer, { kind: "service", target: "12", size: "large" });
    const pinned = await addDashlet(prisma, userId, viewer, { kind: "investigate", target: "host/3/web1" });
    expect(await addDashlet(prisma, userId, viewer, { kind: "investigate", target: "host/3/web1" })).toMatchObject({ id: pinned.id });
    expect((await listDashlets(prisma, userId)).map((dashlet) => dashlet.content)).toEqual([
      { kind: "summary" },
      { kind: "service", serviceId: 12 },
      { kind: "investigate", target: { kind: "host", componentId: 3, host: "web1" } },
    ]);

    await moveDashlet(prisma, userId, pinned.id, "earlier");
    await moveDashlet(prisma, userId, summary.id, "earlier"); // already first: nothing moves
    expect((await listDashlets(prisma, userId)).map((dashlet) => dashlet.id)).toEqual([summary.id, pinned.id, service.id]);
    await moveDashlet(prisma, userId, summary.id, "later");
    expect((await listDashlets(prisma, userId)).map((dashlet) => dashlet.id)).toEqual([pinned.id, summary.id, service.id]);

    await resizeDashlet(prisma, userId, service.id, "full");
    await removeDashlet(prisma, userId, summary.id);
    expect((await listDashlets(prisma, userId)).map(({ id, size }) => ({ id, size }))).toEqual([
      { id: pinned.id, size: "medium" },
      { id: service.id, size: "full" },
    ]);
  });

  it("moves a dashlet to a position, puts a removed one back where it was, and titles each with its object", async () => {
    const { prisma } = database;
    const userId = (await prisma.user.create({ data: { email: "c@bsm.local", name: "C", passwordHash: "x" } })).id;
    const template = await prisma.hostTemplate.create({ data: { name: "Web" } });
    await prisma.component.create({ data: { id: 3, name: "Web servers", hostTemplateId: template.id, requiredOnline: 1 } });
    await prisma.businessService.create({ data: { id: 12, name: "Payment API" } });
    const summary = await addDashlet(prisma, userId, viewer, { kind: "summary" });
    const service = await addDashlet(prisma, userId, viewer, { kind: "service", target: "12" });
    const host = await addDashlet(prisma, userId, viewer, { kind: "investigate", target: "host/3/web1" });
    const component = await addDashlet(prisma, userId, viewer, { kind: "component", target: "3" });
    expect((await listDashlets(prisma, userId, viewer)).map((dashlet) => dashlet.title)).toEqual([
      "BSM Summary",
      "Service: Payment API",
      "Investigate: web1 (Web servers)",
      "Component: Web servers",
    ]);

    await moveDashletTo(prisma, userId, component.id, 0);
    expect((await listDashlets(prisma, userId)).map((dashlet) => dashlet.id)).toEqual([component.id, summary.id, service.id, host.id]);
    await moveDashletTo(prisma, userId, component.id, 99);
    expect((await listDashlets(prisma, userId)).map((dashlet) => dashlet.id)).toEqual([summary.id, service.id, host.id, component.id]);

    await removeDashlet(prisma, userId, service.id);
    const restored = await addDashlet(prisma, userId, viewer, { kind: "service", target: "12", size: "large" }, 1);
    expect((await listDashlets(prisma, userId)).map(({ id, size }) => ({ id, size }))).toEqual([
      { id: summary.id, size: "medium" },
      { id: restored.id, size: "large" },
      { id: host.id, size: "medium" },
      { id: component.id, size: "medium" },
    ]);
    await expect(moveDashletTo(prisma, otherUserId, summary.id, 0)).rejects.toThrow(NotFoundError);
    await expect(addDashlet(prisma, userId, viewer, { kind: "service", target: "12" }, -1)).rejects.toThrow(ValidationError);
  });

  it("refuses bad input, unseen objects and other users' dashlets with a clear error", async () => {
    const { prisma } = database;
    await expect(addDashlet(prisma, userId, viewer, { kind: "chart" as never })).rejects.toThrow(new ValidationError("kind must be summary, service, component, investigate or topology"));
    await expect(addDashlet(prisma, userId, viewer, { kind: "service", target: "abc" })).rejects.toThrow("target does not name a service");
    await expect(addDashlet(prisma, userId, viewer, { kind: "service", target: "13" })).rejects.toThrow("You do not have access to that object");
    await expect(addDashlet(prisma, userId, viewer, { kind: "topology", target: "scope=service%3A13" })).rejects.toThrow("You do not have access to that object");
    await expect(addDashlet(prisma, userId, viewer, { kind: "topology", target: "scope=host%3Aweb-01" })).rejects.toThrow("target does not name a topology");
    await expect(addDashlet(prisma, userId, viewer, { kind: "summary", size: "huge" as never })).rejects.toThrow("size must be small, medium, large or full");
    const mine = (await listDashlets(prisma, userId))[0];
    await expect(resizeDashlet(prisma, userId, mine.id, "enormous")).rejects.toThrow("size must be small, medium, large or full");
    await expect(removeDashlet(prisma, otherUserId, mine.id)).rejects.toThrow(NotFoundError);
    await expect(moveDashlet(prisma, otherUserId, mine.id, "later")).rejects.toThrow(NotFoundError);
    await expect(resizeDashlet(prisma, otherUserId, mine.id, "small")).rejects.toThrow(NotFoundError);
    expect(await listDashlets(prisma, otherUserId)).toEqual([]);
  });
});
