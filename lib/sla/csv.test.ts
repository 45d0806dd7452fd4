import { describe, expect, it } from "vitest";
import { excludedMarks } from "./marks";
import { slaReportCsv, slaReportFileName } from "./csv";
import type { SlaReport } from "./read";

const report: SlaReport = {
  period: "month",
  offset: 0,
  timeZone: "UTC",
  from: "2026-12-01T00:00:00.000Z",
  to: "2027-01-01T00:00:00.000Z",
  rows: [
    { id: 1, name: 'Shop, "EU"', targetPercent: 99.9, countDowntime: false, achieved: 99.5, budgetMs: 2_678_400, usedMs: 600_000, usedPercent: 22.4, projected: 99.98, met: false, outages: 2, longestOutageMs: 360_000, mttrMs: 300_000, excludedMs: 1_800_000 },
    { id: 2, name: "=cmd", targetPercent: null, countDowntime: false, achieved: 100, budgetMs: null, usedMs: 0, usedPercent: null, projected: null, met: null, outages: 0, longestOutageMs: 0, mttrMs: null, excludedMs: 0 },
  ],
};

describe("slaReportCsv", () => {
  it("writes a header and one quoted, formula-safe row per service", () => {
    const lines = slaReportCsv(report).split("\r\n");
    expect(lines[0]).toBe("service,target_percent,count_downtime,achieved_percent,budget_minutes,used_minutes,used_percent,projected_percent,met,outages,longest_outage_minutes,mttr_minutes,excluded_minutes");
    expect(lines[1]).toBe('"Shop, ""EU""",99.9,false,99.5,44.64,10,22.4,99.98,false,2,6,5,30');
    expect(lines[2]).toBe("'=cmd,,false,100,,0,,,,0,0,,0");
    expect(lines).toHaveLength(4);
  });
  it("names the file after the period", () => {
    expect(slaReportFileName(report, { year: 2026, month: 12 })).toBe("sla-2026-12.csv");
    expect(slaReportFileName({ ...report, period: "quarter" }, { year: 2026, month: 10 })).toBe("sla-2026-Q4.csv");
  });
});

describe("excludedMarks", () => {
  it("cuts and merges excluded periods to the range, as fractions", () => {
    expect(excludedMarks([{ from: -5, to: 10 }, { from: 5, to: 20 }, { from: 150, to: 160 }], { from: 0, to: 100 })).toEqual([{ from: 0, to: 20, start: 0, end: 0.2 }]);
  });
});
