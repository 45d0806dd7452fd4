import type { PrismaClient } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { parseEnv } from "../env";
import { loadSourceSettings } from "./load-source-settings";

const nothingSaved = { sourceSettings: { findUnique: () => Promise.resolve(null) } } as unknown as PrismaClient;

describe("source settings from the environment", () => {
  it("poll a database source every second when BSM_POLL_INTERVAL_SECONDS is unset", async () => {
    const state = await loadSourceSettings(nothingSaved, parseEnv({ BSM_SOURCE: "icinga-ido" }));
    expect(state.pollIntervalSeconds).toBe(1);
  });

  it("poll other sources every 10 s when it is unset", async () => {
    expect((await loadSourceSettings(nothingSaved, parseEnv({ BSM_SOURCE: "opsview-rest" }))).pollIntervalSeconds).toBe(10);
  });

  it("keep the interval BSM_POLL_INTERVAL_SECONDS sets", async () => {
    const state = await loadSourceSettings(nothingSaved, parseEnv({ BSM_SOURCE: "opsview-db", BSM_POLL_INTERVAL_SECONDS: "30" }));
    expect(state.pollIntervalSeconds).toBe(30);
  });
});
