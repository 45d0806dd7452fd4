import { describe, expect, it } from "vitest";
import { matchRank, rankMatches } from "./rank";

describe("matchRank", () => {
  it.each([
    ["a name that starts with the query is a prefix match", "Payment API", "pay", 0],
    ["case does not matter", "payment api", "PAY", 0],
    ["a later word that starts with the query is a word-start match", "Online shop", "sho", 1],
    ["words are split at anything but letters and digits", "web-eu-01", "eu", 1],
    ["a later occurrence at a word start counts even when an earlier one does not", "deu eu", "eu", 1],
    ["a match inside a word is a substring match", "Payments database", "ment", 2],
    ["a name without the query does not match", "Search", "pay", null],
    ["an empty query matches nothing", "Search", "", null],
  ] as const)("%s", (_, name, query, rank) => {
    expect(matchRank(name, query)).toBe(rank);
  });
});

describe("rankMatches", () => {
  const names = ["Reporting", "Order queue", "API servers", "Partner API", "Mapi", "API load balancers", "Internal wiki"];

  it("puts prefix before word-start before substring matches and leaves out the rest", () => {
    expect(rankMatches(names, "api", (name) => name, 10)).toEqual(["API servers", "API load balancers", "Partner API", "Mapi"]);
  });

  it("prefers the shorter name, then the name, within a rank", () => {
    expect(rankMatches(["abc-long", "Abd", "abc"], "ab", (name) => name, 10)).toEqual(["abc", "Abd", "abc-long"]);
  });

  it("keeps at most the limit", () => {
    expect(rankMatches(names, "api", (name) => name, 2)).toEqual(["API servers", "API load balancers"]);
  });

  it("keeps the given order among equal names (a check on several hosts)", () => {
    const checks = [
      { name: "HTTP", host: "web-01" },
      { name: "HTTPS certificate", host: "web-01" },
      { name: "HTTP", host: "web-02" },
    ];
    expect(rankMatches(checks, "http", (check) => check.name, 10)).toEqual([checks[0], checks[2], checks[1]]);
  });
});
