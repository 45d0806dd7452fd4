import { describe, expect, it } from "vitest";
import { defaultPollIntervalSeconds } from "./registry";

describe("the default poll interval of a source kind", () => {
  it.each([
    ["opsview-db", 1],
    ["icinga-ido", 1],
    ["opsview-rest", 10],
    ["icinga-api", 10],
    ["simulated", 10],
    ["no-such-kind", 10],
  ])("%s polls every %i s unless told otherwise", (kind, seconds) => {
    expect(defaultPollIntervalSeconds(kind)).toBe(seconds);
  });
});
