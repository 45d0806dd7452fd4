import { describe, expect, it } from "vitest";

import { pickInheritedEnvironment, splitCommandLine } from "./command";
import { BoundedBuffer, TRUNCATION_MARK } from "./result";

describe("command line splitting", () => {
  it.each<[string, string[] | null]>([
    ["notify_via_nagios notify_by_pigeons", ["notify_via_nagios", "notify_by_pigeons"]],
    ["  a   b  ", ["a", "b"]],
    [`send "two words" 'single $HOME' back\\ slash`, ["send", "two words", "single $HOME", "back slash"]],
    [`empty "" ''`, ["empty", "", ""]],
    ["a;rm -rf /", ["a;rm", "-rf", "/"]],
    [`open "quote`, null],
  ])("%j", (commandLine, argv) => {
    expect(splitCommandLine(commandLine)).toEqual(argv);
  });
});

describe("inherited environment", () => {
  it("keeps only the harmless variables", () => {
    expect(
      pickInheritedEnvironment({ PATH: "/usr/bin", HOME: "/root", DATABASE_URL: "postgresql://secret", NEXTAUTH_SECRET: "s" }),
    ).toEqual({ PATH: "/usr/bin", HOME: "/root" });
  });
});

describe("bounded output", () => {
  it("keeps the first bytes and marks the cut", () => {
    const buffer = new BoundedBuffer(5);
    buffer.append("abc");
    buffer.append("defgh");
    buffer.append("ijk");
    expect(buffer.toString()).toBe(`abcde${TRUNCATION_MARK}`);
  });
});
