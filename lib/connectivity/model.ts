// Rules: docs/connector-rules.md §9 (connectivity).

/** "source", "host:<name>" (a host element), "component:<id>" or "service:<id>". */
export type ConnectivityElementKey = string;

export type InterfaceDirection = "INPUT" | "OUTPUT";

export interface ConnectivityInterface {
  /** "<element>><peer>". */
  id: string;
  element: ConnectivityElementKey;
  direction: InterfaceDirection;
  /** The name of the object the interface leads to. */
  name: string;
  peer: ConnectivityElementKey;
}

export const SOURCE_ELEMENT = "source";

export const hostElementKey = (host: string): ConnectivityElementKey => `host:${host}`;
export const componentKey = (id: number): ConnectivityElementKey => `component:${id}`;
export const serviceKey = (id: number): ConnectivityElementKey => `service:${id}`;
export const interfaceId = (element: ConnectivityElementKey, peer: ConnectivityElementKey): string => `${element}>${peer}`;

export type ParsedElementKey =
  | { kind: "source" }
  | { kind: "host"; host: string }
  | { kind: "component"; id: number }
  | { kind: "service"; id: number };

/** The object an element key names, or null when it names none. */
export function parseElementKey(key: string): ParsedElementKey | null {
  if (key === SOURCE_ELEMENT) return { kind: "source" };
  const separator = key.indexOf(":");
  if (separator < 0) return null;
  const kind = key.slice(0, separator);
  const rest = key.slice(separator + 1);
  if (kind === "host") return rest.length > 0 ? { kind: "host", host: rest } : null;
  if ((kind === "component" || kind === "service") && /^[1-9]\d{0,9}$/.test(rest)) return { kind, id: Number(rest) };
  return null;
}
