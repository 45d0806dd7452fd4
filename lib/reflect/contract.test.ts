import { describe, expect, it } from "vitest";
import { evaluateReflectContract } from "./contract";

const designPageExample = {
  mode: "MANUAL",
  exportSettings: { Linux: "ON", Windows: "OFF", Network: "NA" },
  previous: [{ host: "web1", type: "Linux", exportEnabled: true, elementExists: true }],
  current: [
    { host: "web1", type: "Windows" },
    { host: "sw1", type: "Cisco" },
  ],
  exportEnabled: { sw1: false },
};

function evaluate(input: unknown) {
  return evaluateReflectContract(JSON.stringify(input));
}

function errorOf(input: unknown): string {
  const result = evaluate(input);
  if (result.ok) throw new Error("expected the input to be rejected");
  return result.error;
}

describe("dve:reflect contract", () => {
  it("reflects the example of docs/connector-rules.md §8", () => {
    expect(evaluate(designPageExample)).toEqual({
      ok: true,
      output: {
        hosts: [
          { host: "web1", status: "Changed", elementExists: false, actions: ["delete"], pending: false },
          { host: "sw1", status: "Detected", elementExists: false, actions: [], pending: false },
        ],
      },
    });
  });

  it.each(["SEMI_AUTOMATIC", "SEMI-AUTOMATIC"])("accepts %s for semi-automatic mode: the old element goes even with the flag off", (mode) => {
    const input = {
      ...designPageExample,
      mode,
      exportSettings: { Linux: "ON", Windows: "ON" },
      previous: [{ host: "web1", type: "Linux", exportEnabled: false, elementExists: true }],
      current: [{ host: "web1", type: "Windows" }],
    };
    expect(evaluate(input)).toMatchObject({ ok: true, output: { hosts: [{ host: "web1", actions: ["delete"], pending: false }] } });
  });

  it("deletes the element of a removed host in AUTOMATIC mode and keeps it in MANUAL mode", () => {
    const input = { ...designPageExample, current: [] };
    expect(evaluate({ ...input, mode: "AUTOMATIC" })).toMatchObject({
      ok: true,
      output: { hosts: [{ host: "web1", status: "Removed", elementExists: false, actions: ["delete"], pending: false }] },
    });
    expect(evaluate(input)).toMatchObject({
      ok: true,
      output: { hosts: [{ host: "web1", status: "Removed", elementExists: true, actions: [], pending: true }] },
    });
  });

  it("creates, in order, the elements of new hosts whose flag is set, and lists them in the source's order", () => {
    const input = {
      mode: "MANUAL",
      exportSettings: { Linux: "ON" },
      previous: [],
      current: [
        { host: "b", type: "Linux" },
        { host: "a", type: "Linux" },
      ],
      exportEnabled: { a: true },
    };
    expect(evaluate(input)).toEqual({
      ok: true,
      output: {
        hosts: [
          { host: "b", status: "Ok", elementExists: false, actions: [], pending: false },
          { host: "a", status: "Ok", elementExists: true, actions: ["create"], pending: false },
        ],
      },
    });
  });

  it("takes an optional elementType: the type a previous host's element was made for", () => {
    const input = {
      mode: "MANUAL",
      exportSettings: { Linux: "ON", Solaris: "OFF" },
      previous: [{ host: "h", type: "Linux", exportEnabled: true, elementExists: true, elementType: "Solaris" }],
      current: [{ host: "h", type: "Linux" }],
    };
    expect(evaluate(input)).toMatchObject({ ok: true, output: { hosts: [{ host: "h", status: "Ok", actions: [], pending: true }] } });
  });

  const invalidInputs: Array<[unknown, string]> = [
    [{ ...designPageExample, mode: "manual" }, "mode: must be one of MANUAL, SEMI_AUTOMATIC, AUTOMATIC"],
    [{ ...designPageExample, mode: undefined }, "mode: is required"],
    [{ ...designPageExample, exportSettings: { Linux: "YES" } }, "exportSettings.Linux: must be one of ON, OFF, NA"],
    [{ ...designPageExample, exportSettings: [] }, "exportSettings: must be an object"],
    [{ ...designPageExample, previous: [{ host: "web1", type: "Linux", elementExists: true }] }, "previous[0].exportEnabled: is required"],
    [{ ...designPageExample, previous: [{ host: "web1", type: "Linux", exportEnabled: "yes", elementExists: true }] }, "previous[0].exportEnabled: must be true or false"],
    [{ ...designPageExample, current: undefined }, "current: is required"],
    [{ ...designPageExample, current: [{ host: "", type: "Linux" }] }, "current[0].host: must be a non-empty string"],
    [{ ...designPageExample, current: [{ host: "a", type: 3 }] }, "current[0].type: must be a non-empty string"],
    [{ ...designPageExample, current: [{ host: "a", type: "Linux" }, { host: "a", type: "Linux" }] }, "current[1].host: duplicate host a"],
    [{ ...designPageExample, exportEnabled: { sw1: 1 } }, "exportEnabled.sw1: must be true or false"],
    [
      { ...designPageExample, previous: [{ host: "h", type: "Linux", exportEnabled: true, elementExists: false, elementType: "Linux" }] },
      "previous[0].elementType: must be null or absent when elementExists is false",
    ],
    [[], "input: must be a JSON object"],
  ];

  it.each(invalidInputs.map(([input, error]) => [error, input] as const))("rejects invalid input naming the first bad field: %s", (error, input) => {
    expect(errorOf(input)).toBe(error);
  });

  it("names the first bad field when several are bad", () => {
    expect(errorOf({ ...designPageExample, mode: "FAST", current: "none" })).toBe("mode: must be one of MANUAL, SEMI_AUTOMATIC, AUTOMATIC");
  });

  it("rejects text that is not JSON on one line", () => {
    const result = evaluateReflectContract("{ not json");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^input: must be valid JSON \(.+\)$/);
  });
});
