import { describe, expect, it } from "vitest";
import { RUNTIMES, freshDatabaseOpener } from "@/tests/support/databases";
import { calendarPeriod } from "../../time/calendar";
import { PROFILE_INCLUDE, readStoredProfile } from "../profiles/profile-store";
import { loadBurnFigures } from "./burn-figures";
import { createScriptedSource, createTestPoller, nextWholeMinute, seedTestEstate } from "./test-estate";

const MINUTE = 60_000;

describe.each(RUNTIMES)("error budget figures on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime);

  it("spends the SLA period's budget with the window's failed time, leaves excluded periods out, and skips objects without a usable SLA", async () => {
    const database = await freshDatabase();
    const prisma = database.prisma;
    const estate = await seedTestEstate(database);
    const source = createScriptedSource();
    const start = nextWholeMinute();
    const clock = { now: start };
    const poller = createTestPoller(database, source, clock, []);
    await poller.runCycle();
    source.setCheck("web-1", "CRITICAL");
    clock.now = start + 30_000;
    await poller.runCycle();
    source.setCheck("web-1", "OK");
    clock.now = start + 210_000;
    await poller.runCycle();

    const row = await prisma.notificationProfile.create({
      data: {
        name: "Budgets",
        ownerId: estate.adminId,
        businessServiceIds: [estate.serviceId],
        componentIds: [estate.componentId],
        triggers: ["burn"],
        timePeriod: "24x7",
        methods: [],
        burnRateWindows: [{ windowMinutes: 2, budgetPercent: 1 }, { windowMinutes: 60, budgetPercent: 2 }],
      },
      include: PROFILE_INCLUDE,
    });
    const profile = readStoredProfile(row);
    await prisma.slaTarget.create({ data: { objectType: "BUSINESS_SERVICE", objectKey: String(estate.serviceId), targetPercent: 99.8, timeZone: "Europe/Berlin" } });
    await prisma.slaTarget.create({ data: { objectType: "COMPONENT", objectKey: String(estate.componentId), targetPercent: 99.9, timeZone: "Mars/Olympus" } });

    const now = start + 5 * MINUTE;
    const month = calendarPeriod(now, "MONTH", "Europe/Berlin");
    const budgetMs = 0.002 * (month.to - month.from);
    // Down 0:30–3:30: the last 2 minutes (3:00–5:00) hold 30 s of it, the last hour all 180 s.
    expect(await loadBurnFigures(prisma, [profile], now)).toEqual(
      new Map([
        [
          `BUSINESS_SERVICE:${estate.serviceId}`,
          [
            { windowMinutes: 2, spentPercent: expect.closeTo((30_000 / budgetMs) * 100, 9) },
            { windowMinutes: 60, spentPercent: expect.closeTo((180_000 / budgetMs) * 100, 9) },
          ],
        ],
      ]),
    );

    await prisma.excludedPeriod.create({
      data: { objectType: "BUSINESS_SERVICE", objectKey: String(estate.serviceId), from: new Date(start), to: new Date(start + 2 * MINUTE), reason: "monitoring fault" },
    });
    const figures = await loadBurnFigures(prisma, [profile], now);
    expect(figures.get(`BUSINESS_SERVICE:${estate.serviceId}`)?.[1]).toEqual({ windowMinutes: 60, spentPercent: expect.closeTo((90_000 / budgetMs) * 100, 9) });
    expect(await loadBurnFigures(prisma, [{ ...profile, rules: { ...profile.rules, triggers: ["offline"] } }], now)).toEqual(new Map());
  });
});
