import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";

describe("Opsview database cursor", () => {
  it("round-trips a status time and read number", () => {
    expect(decodeCursor(encodeCursor({ statusTime: 1_700_000_123, read: 7 }))).toEqual({ statusTime: 1_700_000_123, read: 7 });
    expect(decodeCursor(encodeCursor({ statusTime: null, read: 1 }))).toEqual({ statusTime: null, read: 1 });
  });

  it.each(["", "simulated:5", "opsview-db:1:abc:1", "opsview-db:1:5", "opsview-db:2:5:1"])("does not accept %j", (text) => {
    expect(decodeCursor(text)).toBeNull();
  });
});
