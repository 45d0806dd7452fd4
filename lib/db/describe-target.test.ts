import { describe, expect, it } from "vitest";
import { describeDatabaseTarget } from "./describe-target";

describe("describeDatabaseTarget", () => {
  it("names the PGlite directory", () => {
    expect(describeDatabaseTarget({ kind: "pglite", dataDir: "./data/pglite" })).toBe("Embedded PGlite in ./data/pglite");
  });

  it("says when PGlite is in memory", () => {
    expect(describeDatabaseTarget({ kind: "pglite", dataDir: "memory://" })).toBe("Embedded PGlite, in memory");
  });

  it("never shows the PostgreSQL credentials", () => {
    const text = describeDatabaseTarget({ kind: "postgres", url: "postgresql://bsm:secret@db.example:6543/bsm" });
    expect(text).toBe("PostgreSQL at db.example:6543/bsm");
    expect(text).not.toContain("secret");
  });
});
