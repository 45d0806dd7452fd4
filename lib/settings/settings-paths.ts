// Settings are nested objects ({ main: { host } }); the form and field errors name values by
// dotted path ("main.host"). These helpers move between the two.

export type SettingsObject = { [key: string]: unknown };

export function getPath(settings: unknown, path: string): unknown {
  let value: unknown = settings;
  for (const key of path.split(".")) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as SettingsObject)[key];
  }
  return value;
}

/** Sets a value, creating intermediate objects; refuses to write through null (a switched-off group). */
export function setPath(settings: SettingsObject, path: string, value: unknown): void {
  const keys = path.split(".");
  let target: SettingsObject = settings;
  for (const key of keys.slice(0, -1)) {
    const next = target[key];
    if (next === null) return;
    if (typeof next !== "object") target[key] = {};
    target = target[key] as SettingsObject;
  }
  target[keys.at(-1)!] = value;
}

export function deletePath(settings: SettingsObject, path: string): void {
  const keys = path.split(".");
  const container = keys.length === 1 ? settings : getPath(settings, keys.slice(0, -1).join("."));
  if (container !== null && typeof container === "object") delete (container as SettingsObject)[keys.at(-1)!];
}
