import { describe, expect, it } from "vitest";
import { businessProcessFile, maxResidentKb, parseProblemTree } from "./business-process";

describe("businessProcessFile", () => {
  it("writes host nodes of their services, 'R of:' components, '&' services and a displayed top node", () => {
    const file = businessProcessFile({
      title: "Estate",
      servicesPerHost: ["PING", "Load"],
      topNode: "estate",
      components: [
        { node: "Component_0", hosts: ["web1", "web2", "web3"], requiredOnline: 2 },
        { node: "Component_1", hosts: ["db1"], requiredOnline: 1 },
      ],
      businessServices: [{ node: "Service_0", components: ["Component_0", "Component_1"] }],
    });
    const lines = file.split("\n");
    expect(lines[0]).toBe("### Business Process Config File ###");
    expect(lines).toContain("# Backend         : icinga");
    expect(lines).toContain("h_web1 = web1;PING & web1;Load");
    expect(lines).toContain("h_db1 = db1;PING & db1;Load");
    expect(lines).toContain("Component_0 = 2 of: h_web1 + h_web2 + h_web3");
    expect(lines).toContain("Service_0 = Component_0 & Component_1");
    expect(lines).toContain("estate = Service_0");
    expect(lines).toContain("display 1;estate;Estate");
  });

  it("writes a host in two components once", () => {
    const file = businessProcessFile({
      title: "Estate",
      servicesPerHost: ["PING"],
      topNode: "estate",
      components: [
        { node: "a", hosts: ["shared"], requiredOnline: 1 },
        { node: "b", hosts: ["shared"], requiredOnline: 1 },
      ],
      businessServices: [{ node: "s", components: ["a", "b"] }],
    });
    expect(file.split("\n").filter((line) => line.startsWith("h_shared ="))).toHaveLength(1);
  });
});

describe("parseProblemTree", () => {
  it("reads the state of every node the --details tree names, and no checks", () => {
    const output = [
      "Business Process CRITICAL: Estate",
      "& [CRITICAL] Service_0",
      "  7 [CRITICAL] Component_0",
      "    & [CRITICAL] h_host-00000",
      "      - [CRITICAL] host-00000: PING",
      "& [WARNING] Service_3",
      "",
    ].join("\n");
    expect(parseProblemTree(output)).toEqual(
      new Map([
        ["Service_0", "CRITICAL"],
        ["Component_0", "CRITICAL"],
        ["h_host-00000", "CRITICAL"],
        ["Service_3", "WARNING"],
      ]),
    );
  });
});

describe("maxResidentKb", () => {
  it("reads the peak resident set from /usr/bin/time -v", () => {
    expect(maxResidentKb("\tElapsed (wall clock) time (h:mm:ss or m:ss): 0:00.85\n\tMaximum resident set size (kbytes): 37156\n")).toBe(37156);
  });

  it("refuses a report without it", () => {
    expect(() => maxResidentKb("Command exited with non-zero status 3")).toThrow("no maximum resident set size");
  });
});
