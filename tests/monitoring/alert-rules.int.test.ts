import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

// promtool comes with Debian's prometheus package, which `npm test` installs (scripts/ensure-system-packages.sh).
const PROMTOOL = "/usr/bin/promtool";
const ROOT = path.resolve(import.meta.dirname, "../..");

/** promtool's output; a failure shows what it printed (a failed rule test's expected and actual alerts). */
function promtool(...args: string[]): string {
  const run = spawnSync(PROMTOOL, args, { cwd: ROOT, encoding: "utf8" });
  const output = `${run.stdout ?? ""}${run.stderr ?? ""}`;
  expect(run.status, `promtool ${args.join(" ")}\n${run.error?.message ?? output}`).toBe(0);
  return output;
}

describe("the shipped alert rules, in Prometheus's own tool", () => {
  it("pass promtool check rules", () => {
    expect(promtool("check", "rules", "docs/monitoring/bsm-dashboard.rules.yml")).toContain("SUCCESS: 5 rules found");
  });

  it("fire as their unit tests expect (offline 5 min once per service, component failed, poller stale and failing, target down)", () => {
    expect(promtool("test", "rules", "tests/monitoring/bsm-dashboard.rules.test.yml")).toContain("SUCCESS");
  });
});
