import { describe, expect, it } from "vitest";
import { parseProcessFile } from "./parse-process-file";

const FILE = `### Business Process Config File ###
#
# Title           : Shop
# Backend         : icinga
#
###################################

comp_web = 2 of: web1;Hoststatus + web2;Hoststatus + web3;Hoststatus
comp_db = db1;Hoststatus & db2;Hoststatus
shop = comp_web & comp_db
either = comp_web | comp_db
svc = web1;HTTP & web1;Load
display 1;shop;Online shop
display 0;comp_web;Web tier
info_url shop;https://wiki.example.com/shop
template shop;whatever
`;

describe("parseProcessFile", () => {
  it("reads nodes with their line, operator and children, and display titles", () => {
    const parsed = parseProcessFile(FILE);
    expect(parsed.errors).toEqual([]);
    expect(parsed.nodes.map((node) => [node.name, node.line, node.operator])).toEqual([
      ["comp_web", 8, { kind: "of", count: 2 }],
      ["comp_db", 9, { kind: "and" }],
      ["shop", 10, { kind: "and" }],
      ["either", 11, { kind: "or" }],
      ["svc", 12, { kind: "and" }],
    ]);
    expect(parsed.nodes[0]?.children).toEqual([{ kind: "host", host: "web1" }, { kind: "host", host: "web2" }, { kind: "host", host: "web3" }]);
    expect(parsed.nodes[2]?.children).toEqual([{ kind: "node", name: "comp_web" }, { kind: "node", name: "comp_db" }]);
    expect(parsed.nodes[4]?.children).toEqual([{ kind: "service", host: "web1", service: "HTTP" }, { kind: "service", host: "web1", service: "Load" }]);
    expect(parsed.nodes[2]?.display).toEqual({ level: 1, title: "Online shop", line: 13 });
    expect(parsed.nodes[0]?.display).toEqual({ level: 0, title: "Web tier", line: 14 });
    expect(parsed.extras).toEqual([{ kind: "info_url", node: "shop", line: 15, text: "https://wiki.example.com/shop" }]);
  });

  it.each([
    ["a single child is an AND", "a = web1;Hoststatus", { kind: "and" }],
    ["N:M of: keeps N (the module ignores M)", "a = 1:2 of: x + y", { kind: "of", count: 1 }],
    ["! is NOT", "a = ! x", { kind: "not" }],
    ["% is DEGRADED", "a = x % y", { kind: "degraded" }],
  ])("%s", (_label, line, operator) => {
    const parsed = parseProcessFile(line);
    expect(parsed.errors).toEqual([]);
    expect(parsed.nodes[0]?.operator).toEqual(operator);
  });

  it("reads escaped operators as part of a name, other files' nodes as imported, CRLF line ends", () => {
    const parsed = parseProcessFile("a = web\\&co;Hoststatus & @other:node\r\nb = x\r\n");
    expect(parsed.nodes[0]?.children).toEqual([{ kind: "host", host: "web&co" }, { kind: "imported", config: "other", node: "node" }]);
    expect(parsed.nodes[1]?.line).toBe(2);
  });

  it.each([
    ["mixed operators", "a = x & y | z", /line 1|mixes the operators & \|/],
    ["a line that is no node", "hello", /not a comment/],
    ["a semicolon in a name", "a;b = x", /may not contain ;/],
    ["+ without of:", "a = x + y", /N of:/],
    ["a node defined twice", "a = x\na = y", /defined twice \(first on line 1\)/],
    ["display of an unknown node", "display 1;nope;Nope", /nope, which the file does not define/],
  ])("refuses what the module refuses: %s", (_label, text, message) => {
    const parsed = parseProcessFile(text);
    expect(parsed.errors.length).toBe(1);
    expect(parsed.errors[0]?.message).toMatch(message);
  });
});
