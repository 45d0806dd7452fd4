import { describe, expect, it } from "vitest";
import { describeDatabaseTarget } from "./describe-target";

const forAdmin = { withAddress: true };
const forOthers = { withAddress: false };

describe("describeDatabaseTarget", () => {
  it("names the PGlite directory to administrators", () => {
    expect(describeDatabaseTarget({ kind: "pglite", dataDir: "./data/pglite" }, forAdmin)).toBe("Embedded PGlite in ./data/pglite");
  });

  it("says when PGlite is in memory", () => {
    expect(describeDatabaseTarget({ kind: "pglite", dataDir: "memory://" }, forAdmin)).toBe("Embedded PGlite, in memory");
  });

  it("never shows the PostgreSQL credentials", () => {
    const text = describeDatabaseTarget({ kind: "postgres", url: "postgresql://bsm:secret@db.example:6543/bsm" }, forAdmin);
    expect(text).toBe("PostgreSQL at db.example:6543/bsm");
    expect(text).not.toContain("secret");
  });

  it("shows others the kind of database only, no server or directory", () => {
    expect(describeDatabaseTarget({ kind: "postgres", url: "postgresql://bsm:secret@db.example:6543/bsm" }, forOthers)).toBe("PostgreSQL server");
    expect(describeDatabaseTarget({ kind: "pglite", dataDir: "./data/pglite" }, forOthers)).toBe("Embedded PGlite");
  });
});
