import { describe, expect, it } from "vitest";
import { RUNTIMES, freshDatabaseOpener } from "@/tests/support/databases";
import { createUser } from "./create-user";
import { DEFAULT_PREFERENCES, readPreferences, saveOwnPreferences } from "./preferences";

describe.each(RUNTIMES)("preferences on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime);

  it("reads back what the user saved; an unknown user or a stored value that is no longer valid reads as the default", async () => {
    const { prisma } = await freshDatabase();
    const user = await createUser(prisma, { email: "zone@test.local", name: "Zone", password: "a-long-password" });
    expect(await readPreferences(prisma, user.id)).toEqual(DEFAULT_PREFERENCES);
    await saveOwnPreferences(prisma, user.id, { theme: "dark", timeZone: "Europe/Berlin" });
    expect(await readPreferences(prisma, user.id)).toEqual({ theme: "dark", timeZone: "Europe/Berlin" });
    await prisma.user.update({ where: { id: user.id }, data: { theme: "sepia", timeZone: "Mars/Olympus" } });
    expect(await readPreferences(prisma, user.id)).toEqual(DEFAULT_PREFERENCES);
    expect(await readPreferences(prisma, "no-such-user")).toEqual(DEFAULT_PREFERENCES);
  });
});
