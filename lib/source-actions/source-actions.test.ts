import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors/app-error";
import { confirmation, type StoredCheckState } from "./confirm";
import { parseSourceActionInput } from "./input";
import { userMessage } from "./message";
import { readOnlyReason, sourceAcceptsCommands } from "./source-kinds";

const NOW = 1_800_000_000_000;
const check = (name: string, fields: Partial<StoredCheckState> = {}): StoredCheckState => ({ name, state: "OK", acknowledged: false, inDowntime: false, ...fields });

describe("confirmation from the stored checks", () => {
  const hosts = new Map([
    ["web1", [check("HTTP", { state: "CRITICAL", acknowledged: true }), check("Load")]],
    ["web2", [check("HTTP", { state: "CRITICAL" }), check("Load", { inDowntime: true })]],
  ]);

  it("acknowledge: every failing check of a host target, or the named check (a recovered one counts)", () => {
    expect(confirmation("acknowledge", [{ host: "web1" }], hosts)).toEqual({ done: true });
    expect(confirmation("acknowledge", [{ host: "web1" }, { host: "web2" }], hosts)).toEqual({ done: false, waitingFor: "HTTP on web2" });
    expect(confirmation("acknowledge", [{ host: "web2", check: "Load" }], hosts)).toEqual({ done: true });
  });

  it("downtime: every check of a host target; removals: cleared; unknown hosts and checks wait", () => {
    expect(confirmation("downtime", [{ host: "web2", check: "Load" }], hosts)).toEqual({ done: true });
    expect(confirmation("downtime", [{ host: "web2" }], hosts)).toEqual({ done: false, waitingFor: "HTTP on web2" });
    expect(confirmation("remove-downtime", [{ host: "web1" }], hosts)).toEqual({ done: true });
    expect(confirmation("remove-acknowledgement", [{ host: "web1" }], hosts)).toEqual({ done: false, waitingFor: "HTTP on web1" });
    expect(confirmation("downtime", [{ host: "gone" }], hosts)).toEqual({ done: false, waitingFor: "host gone" });
    expect(confirmation("downtime", [{ host: "web1", check: "Gone" }], hosts)).toEqual({ done: false, waitingFor: "Gone on web1" });
  });
});

describe("the input", () => {
  const fields = (raw: unknown) => {
    try {
      parseSourceActionInput(raw, NOW);
    } catch (error) {
      if (error instanceof ValidationError) return error.fieldErrors;
      throw error;
    }
    return null;
  };

  it("takes each kind's fields, trims, drops duplicates and checks named with their whole host", () => {
    expect(parseSourceActionInput({ kind: "acknowledge", targets: [{ host: " web1 " }, { host: "web1", check: "HTTP" }, { host: "web2", check: "HTTP" }, { host: "web2", check: "HTTP" }], comment: " on it " }, NOW)).toEqual({
      kind: "acknowledge",
      targets: [{ host: "web1" }, { host: "web2", check: "HTTP" }],
      comment: "on it",
      sticky: false,
      expiresAt: null,
    });
    expect(parseSourceActionInput({ kind: "remove-downtime", targets: [{ host: "web1" }], comment: "ignored" }, NOW)).toEqual({ kind: "remove-downtime", targets: [{ host: "web1" }] });
  });

  it("refuses bad input field by field", () => {
    expect(fields(null)).toEqual({ input: "must be a JSON object" });
    expect(fields({ kind: "reboot" })).toEqual({ kind: "must be acknowledge, remove-acknowledgement, downtime or remove-downtime" });
    expect(fields({ kind: "acknowledge", targets: [{ host: "a", extra: 1 }], comment: "x" })).toHaveProperty("targets");
    expect(fields({ kind: "acknowledge", targets: [{ host: "a" }], comment: "x".repeat(1001) })).toEqual({ comment: "must be at most 1000 characters" });
    expect(fields({ kind: "acknowledge", targets: [{ host: "a" }], comment: "x", expiresAt: NOW - 1 })).toEqual({ expiresAt: "must be in the future" });
    expect(fields({ kind: "acknowledge", targets: Array.from({ length: 201 }, (_, index) => ({ host: `h${index}` })), comment: "x" })).toEqual({ targets: "at most 200 hosts or checks at once" });
    expect(fields({ kind: "downtime", targets: [{ host: "a" }], comment: "x", startAt: NOW, endAt: NOW })).toEqual({ endAt: "must be after the start" });
    expect(fields({ kind: "downtime", targets: [{ host: "a" }], comment: "x", startAt: NOW - 7200_000, endAt: NOW - 3600_000 })).toEqual({ endAt: "must be in the future" });
    expect(fields({ kind: "downtime", targets: [{ host: "a" }], comment: "x", startAt: NOW, endAt: NOW + 400 * 86_400_000 })).toEqual({ endAt: "a downtime may last at most a year" });
    expect(fields({ kind: "downtime", targets: [{ host: "a\u0000" }], comment: "x", startAt: NOW, endAt: NOW + 1 })).toHaveProperty("targets");
  });
});

describe("messages and source kinds", () => {
  it("messages are one line without raw timestamps", () => {
    expect(userMessage("Downtime from 2026-12-06T18:00:00.000Z until\n2026-12-06 20:00:00 refused")).toBe("Downtime from (a time) until (a time) refused");
    expect(userMessage("x".repeat(600))).toHaveLength(500);
  });

  it("the database sources are read-only, with the reason", () => {
    expect(["simulated", "icinga-api", "opsview-rest"].every(sourceAcceptsCommands)).toBe(true);
    expect(readOnlyReason("opsview-db")).toMatch(/^The Opsview runtime database is read-only/);
    expect(readOnlyReason("icinga-ido")).toMatch(/^The Icinga IDO database is read-only/);
    expect(readOnlyReason("icinga-api")).toBeNull();
  });
});
