import { describe, expect, it } from "vitest";
import { createAccess, NO_GRANTS, type AccessEstate } from "./access";
import { filterLiveEvent } from "./filter-live-event";
import type { LiveEvent } from "../events/live-events";

const estate: AccessEstate = { hosts: new Map(), componentHosts: new Map(), serviceComponents: new Map() };
const failedPoll: LiveEvent = { type: "poll", at: 2, ok: false, staleSince: 1, message: "connect ECONNREFUSED 10.0.0.5:3306" };

describe("filterLiveEvent on poll results (the source's error text names internal addresses)", () => {
  it("gives administrators the source's error text", () => {
    const admin = createAccess({ ...NO_GRANTS, bsmAccess: true, isAdmin: true }, estate);
    expect(filterLiveEvent(admin, failedPoll)).toEqual(failedPoll);
  });

  it("gives everyone else the staleness without the error text", () => {
    const viewer = createAccess({ ...NO_GRANTS, bsmAccess: true, viewAll: true }, estate);
    expect(filterLiveEvent(viewer, failedPoll)).toEqual({ ...failedPoll, message: null });
  });
});
