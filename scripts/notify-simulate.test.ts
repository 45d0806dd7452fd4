import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const SCRIPT = path.join(ROOT, "scripts", "notify-simulate.ts");

const DESIGN_EXAMPLE = {
  object: { type: "BSMService", id: "shop", name: "Shop" },
  profile: {
    triggers: ["offline", "impacted", "availability"],
    availabilityThreshold: 99.5,
    sendRecovery: true,
    renotifyMinutes: 30,
    alertFrom: 1,
    stopAlertAfter: 0,
    timePeriod: "24x7",
  },
  timeline: [
    { at: "2026-11-22T10:00:00Z", state: "OPERATIONAL", impacted: false, availability: 100 },
    { at: "2026-11-22T10:05:00Z", state: "OFFLINE", impacted: false, availability: 99.9 },
  ],
  until: "2026-11-22T12:00:00Z",
};

// Each run starts tsx: 1.4-2.1 s here (load 2-4). A hung run is stopped well inside the test's
// budget, so the failure names the child's timeout rather than Vitest's.
const CLI_RUN_TIMEOUT_MS = 30_000;
const CLI_TEST_BUDGET_MS = CLI_RUN_TIMEOUT_MS + 15_000;

function runSimulate(args: string[], input?: string) {
  const result = spawnSync(TSX, [SCRIPT, ...args], { cwd: ROOT, input, encoding: "utf8", timeout: CLI_RUN_TIMEOUT_MS });
  if (result.error) throw result.error;
  return result;
}

function writeInput(content: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "notify-simulate-")), "input.json");
  writeFileSync(file, content);
  return file;
}

describe("notify:simulate", { timeout: CLI_TEST_BUDGET_MS }, () => {
  it("replays the example of docs/notification-rules.md §13", () => {
    const result = runSimulate([writeInput(JSON.stringify(DESIGN_EXAMPLE))]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      notifications: [
        { at: "2026-11-22T10:05:00Z", type: "PROBLEM", state: "OFFLINE", number: 1 },
        { at: "2026-11-22T10:35:00Z", type: "PROBLEM", state: "OFFLINE", number: 2 },
        { at: "2026-11-22T11:05:00Z", type: "PROBLEM", state: "OFFLINE", number: 3 },
        { at: "2026-11-22T11:35:00Z", type: "PROBLEM", state: "OFFLINE", number: 4 },
      ],
    });
  });

  it("replays the burn example of docs/notification-rules.md §13.1: budget figures per entry, the default windows", () => {
    const input = {
      object: { type: "BSMService", id: "shop", name: "Shop" },
      profile: { ...DESIGN_EXAMPLE.profile, triggers: ["burn"], renotifyMinutes: 0 },
      timeline: [
        { at: "2026-11-22T10:00:00Z", state: "OPERATIONAL", impacted: false, availability: 100 },
        { at: "2026-11-22T10:05:00Z", state: "OFFLINE", impacted: false, availability: 99.9, burn: [{ windowMinutes: 60, spentPercent: 1.2 }, { windowMinutes: 360, spentPercent: 0.2 }] },
        { at: "2026-11-22T10:06:00Z", state: "OFFLINE", impacted: false, availability: 99.8, burn: [{ windowMinutes: 60, spentPercent: 2.3 }, { windowMinutes: 360, spentPercent: 0.4 }] },
        { at: "2026-11-22T10:10:00Z", state: "OPERATIONAL", impacted: false, availability: 99.7, burn: [{ windowMinutes: 60, spentPercent: 9.3 }, { windowMinutes: 360, spentPercent: 1.6 }] },
        { at: "2026-11-22T11:10:00Z", state: "OPERATIONAL", impacted: false, availability: 99.7, burn: [{ windowMinutes: 60, spentPercent: 0 }, { windowMinutes: 360, spentPercent: 1.6 }] },
      ],
      until: "2026-11-22T12:00:00Z",
    };
    const result = runSimulate(["-"], JSON.stringify(input));
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({
      notifications: [
        { at: "2026-11-22T10:06:00Z", type: "BUDGET_BURN", state: "OFFLINE", number: 1 },
        { at: "2026-11-22T11:10:00Z", type: "BUDGET_RECOVERY", state: "OPERATIONAL", number: 1 },
      ],
    });
    const bad = runSimulate(["-"], JSON.stringify({ ...input, profile: { ...input.profile, burnRateWindows: [{ windowMinutes: 60, budgetPercent: 0 }] } }));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^profile\.burnRateWindows\[0\]\.budgetPercent: /);
  });

  it("reads stdin when FILE is -", () => {
    const input = { ...DESIGN_EXAMPLE, profile: { ...DESIGN_EXAMPLE.profile, alertFrom: 3 } };
    const result = runSimulate(["-"], JSON.stringify(input));
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      notifications: [
        { at: "2026-11-22T11:05:00Z", type: "PROBLEM", state: "OFFLINE", number: 3 },
        { at: "2026-11-22T11:35:00Z", type: "PROBLEM", state: "OFFLINE", number: 4 },
      ],
    });
  });

  it.each<[string, string, string]>([
    [
      "an invalid field",
      JSON.stringify({
        ...DESIGN_EXAMPLE,
        timeline: [DESIGN_EXAMPLE.timeline[0], { ...DESIGN_EXAMPLE.timeline[1], state: "BROKEN" }],
      }),
      "timeline[1].state",
    ],
    ["a missing field", JSON.stringify({ ...DESIGN_EXAMPLE, until: undefined }), "until"],
    ["text that is not JSON", "{not json", "JSON"],
  ])("exits 2 with one line on stderr for %s", (_name, content, field) => {
    const result = runSimulate([writeInput(content)]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    const lines = result.stderr.split("\n").filter((line) => line !== "");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(field);
  });
});
