import { describe, expect, it } from "vitest";
import { reflectPoll } from "./reflect-poll";
import { actionsOf, exportSettings, storedHost } from "./test-support";
import type { HostRecord, ReflectionMode, ReflectStatus, SourceHost } from "./types";

interface Expected {
  status: ReflectStatus;
  elementType: string | null;
  actions: Array<["create" | "delete", string]>;
  pending: boolean;
}

interface Cell {
  name: string;
  mode: ReflectionMode;
  previous: HostRecord | null;
  current: SourceHost | null;
  newHostExportEnabled?: boolean;
  expected: Expected;
}

const MODES: ReadonlyArray<[ReflectionMode, string]> = [
  ["MANUAL", "manual"],
  ["SEMI_AUTOMATIC", "semi-automatic"],
  ["AUTOMATIC", "automatic"],
];

type CellDefinition = Omit<Cell, "name" | "mode">;

function inModes(modes: readonly ReflectionMode[], name: (mode: string) => string, cell: CellDefinition): Cell[] {
  return MODES.filter(([mode]) => modes.includes(mode)).map(([mode, label]) => ({ ...cell, mode, name: name(label) }));
}

function inEveryMode(name: (mode: string) => string, cell: CellDefinition): Cell[] {
  return inModes(["MANUAL", "SEMI_AUTOMATIC", "AUTOMATIC"], name, cell);
}

const newHostCells: Cell[] = [
  ...inEveryMode((mode) => `${mode} mode creates the element for a new host whose flag is on and whose type's export is ON`, {
    previous: null,
    current: { host: "h", type: "Linux" },
    newHostExportEnabled: true,
    expected: { status: "Ok", elementType: "Linux", actions: [["create", "Linux"]], pending: false },
  }),
  ...inEveryMode((mode) => `${mode} mode creates no element for a new host whose flag is off (the default)`, {
    previous: null,
    current: { host: "h", type: "Linux" },
    expected: { status: "Ok", elementType: null, actions: [], pending: false },
  }),
  ...inEveryMode((mode) => `${mode} mode creates no element for a new host whose type's export is OFF`, {
    previous: null,
    current: { host: "h", type: "Solaris" },
    newHostExportEnabled: true,
    expected: { status: "Ok", elementType: null, actions: [], pending: false },
  }),
  ...inEveryMode((mode) => `${mode} mode creates no element for a new host whose type's export is NA`, {
    previous: null,
    current: { host: "h", type: "Network" },
    newHostExportEnabled: true,
    expected: { status: "Ok", elementType: null, actions: [], pending: false },
  }),
  ...inEveryMode((mode) => `${mode} mode marks a new host of an unsupported type Detected and creates no element`, {
    previous: null,
    current: { host: "h", type: "Cisco" },
    newHostExportEnabled: true,
    expected: { status: "Detected", elementType: null, actions: [], pending: false },
  }),
];

const replaced: Expected = {
  status: "Changed",
  elementType: "Windows",
  actions: [
    ["delete", "Linux"],
    ["create", "Windows"],
  ],
  pending: false,
};

const changedHostCells: Cell[] = [
  ...inEveryMode((mode) => `${mode} mode replaces the element when both the old and the new type's export are ON`, {
    previous: storedHost({ host: "h", type: "Linux", elementExists: true }),
    current: { host: "h", type: "Windows" },
    expected: replaced,
  }),
  ...inEveryMode((mode) => `${mode} mode deletes the old element and creates none when the new type's export is OFF`, {
    previous: storedHost({ host: "h", type: "Linux", elementExists: true }),
    current: { host: "h", type: "Solaris" },
    expected: { status: "Changed", elementType: null, actions: [["delete", "Linux"]], pending: false },
  }),
  ...inEveryMode((mode) => `${mode} mode deletes the old element and creates none when the new type is unsupported, and the host shows Changed`, {
    previous: storedHost({ host: "h", type: "Linux", elementExists: true }),
    current: { host: "h", type: "Cisco" },
    expected: { status: "Changed", elementType: null, actions: [["delete", "Linux"]], pending: false },
  }),
  {
    name: "manual mode keeps the old element when the old type's export is OFF, and the host is pending",
    mode: "MANUAL",
    previous: storedHost({ host: "h", type: "Solaris", elementExists: true }),
    current: { host: "h", type: "Linux" },
    expected: { status: "Changed", elementType: "Solaris", actions: [], pending: true },
  },
  ...inModes(["SEMI_AUTOMATIC", "AUTOMATIC"], (mode) => `${mode} mode replaces the element when the old type's export is OFF and the new type's is ON`, {
    previous: storedHost({ host: "h", type: "Solaris", elementExists: true }),
    current: { host: "h", type: "Linux" },
    expected: { status: "Changed", elementType: "Linux", actions: [["delete", "Solaris"], ["create", "Linux"]], pending: false },
  }),
  {
    name: "manual mode keeps the old element when neither the old (OFF) nor the new (NA) type may be exported, and the host is pending",
    mode: "MANUAL",
    previous: storedHost({ host: "h", type: "Solaris", elementExists: true }),
    current: { host: "h", type: "Network" },
    expected: { status: "Changed", elementType: "Solaris", actions: [], pending: true },
  },
  ...inModes(["SEMI_AUTOMATIC", "AUTOMATIC"], (mode) => `${mode} mode deletes the old element when neither the old (OFF) nor the new (NA) type may be exported`, {
    previous: storedHost({ host: "h", type: "Solaris", elementExists: true }),
    current: { host: "h", type: "Network" },
    expected: { status: "Changed", elementType: null, actions: [["delete", "Solaris"]], pending: false },
  }),
  {
    name: "manual mode keeps the old element when the host's flag is off, and the host is pending",
    mode: "MANUAL",
    previous: storedHost({ host: "h", type: "Linux", exportEnabled: false, elementExists: true }),
    current: { host: "h", type: "Windows" },
    expected: { status: "Changed", elementType: "Linux", actions: [], pending: true },
  },
  ...inModes(["SEMI_AUTOMATIC", "AUTOMATIC"], (mode) => `${mode} mode deletes the old element and creates none when the host's flag is off`, {
    previous: storedHost({ host: "h", type: "Linux", exportEnabled: false, elementExists: true }),
    current: { host: "h", type: "Windows" },
    expected: { status: "Changed", elementType: null, actions: [["delete", "Linux"]], pending: false },
  }),
  ...inEveryMode((mode) => `${mode} mode creates an element for a changed host that had none when the new type's export is ON`, {
    previous: storedHost({ host: "h", type: "Solaris" }),
    current: { host: "h", type: "Linux" },
    expected: { status: "Changed", elementType: "Linux", actions: [["create", "Linux"]], pending: false },
  }),
  ...inEveryMode((mode) => `${mode} mode does nothing for a changed host without element whose flag is off`, {
    previous: storedHost({ host: "h", type: "Linux", exportEnabled: false }),
    current: { host: "h", type: "Windows" },
    expected: { status: "Changed", elementType: null, actions: [], pending: false },
  }),
];

const removedHostCells: Cell[] = [
  {
    name: "manual mode keeps the element of a removed host whose type's export is ON, and the host is pending",
    mode: "MANUAL",
    previous: storedHost({ host: "h", type: "Linux", elementExists: true }),
    current: null,
    expected: { status: "Removed", elementType: "Linux", actions: [], pending: true },
  },
  {
    name: "semi-automatic mode keeps the element of a removed host whose type's export is ON, and the host is pending",
    mode: "SEMI_AUTOMATIC",
    previous: storedHost({ host: "h", type: "Linux", elementExists: true }),
    current: null,
    expected: { status: "Removed", elementType: "Linux", actions: [], pending: true },
  },
  {
    name: "automatic mode deletes the element of a removed host whose type's export is ON",
    mode: "AUTOMATIC",
    previous: storedHost({ host: "h", type: "Linux", elementExists: true }),
    current: null,
    expected: { status: "Removed", elementType: null, actions: [["delete", "Linux"]], pending: false },
  },
  {
    name: "manual mode keeps the element of a removed host whose type's export is OFF, and the host is pending",
    mode: "MANUAL",
    previous: storedHost({ host: "h", type: "Solaris", elementExists: true }),
    current: null,
    expected: { status: "Removed", elementType: "Solaris", actions: [], pending: true },
  },
  {
    name: "semi-automatic mode keeps the element of a removed host whose flag is off, and the host is pending",
    mode: "SEMI_AUTOMATIC",
    previous: storedHost({ host: "h", type: "Linux", exportEnabled: false, elementExists: true }),
    current: null,
    expected: { status: "Removed", elementType: "Linux", actions: [], pending: true },
  },
  {
    name: "automatic mode deletes the element of a removed host even when its type's export is OFF",
    mode: "AUTOMATIC",
    previous: storedHost({ host: "h", type: "Solaris", elementExists: true }),
    current: null,
    expected: { status: "Removed", elementType: null, actions: [["delete", "Solaris"]], pending: false },
  },
  {
    name: "automatic mode deletes the element of a removed host even when its flag is off",
    mode: "AUTOMATIC",
    previous: storedHost({ host: "h", type: "Linux", exportEnabled: false, elementExists: true }),
    current: null,
    expected: { status: "Removed", elementType: null, actions: [["delete", "Linux"]], pending: false },
  },
  ...inEveryMode((mode) => `${mode} mode marks a removed host without element Removed and does nothing`, {
    previous: storedHost({ host: "h", type: "Linux" }),
    current: null,
    expected: { status: "Removed", elementType: null, actions: [], pending: false },
  }),
];

function runCell(cell: Cell) {
  const { outcomes } = reflectPoll({
    mode: cell.mode,
    exportSettings,
    previous: cell.previous === null ? [] : [cell.previous],
    current: cell.current === null ? [] : [cell.current],
    exportEnabledForNewHosts: new Map([["h", cell.newHostExportEnabled ?? false]]),
  });
  expect(outcomes).toHaveLength(1);
  return outcomes[0];
}

describe.each([
  ["new host", newHostCells],
  ["host type changed", changedHostCells],
  ["host removed", removedHostCells],
])("mode table: %s", (_event, cells) => {
  it.each(cells.map((cell) => [cell.name, cell] as const))("%s", (_name, cell) => {
    const outcome = runCell(cell);
    expect({
      status: outcome.record.status,
      elementType: outcome.record.elementType,
      actions: actionsOf(outcome),
      pending: outcome.record.pending,
    }).toEqual(cell.expected);
    expect(outcome.record.elementExists).toBe(cell.expected.elementType !== null);
    expect(outcome.record.removed).toBe(cell.current === null);
  });
});
