/** Fields every line has, shown in the line's head rather than as key=value. */
const HEAD_FIELDS = new Set(["time", "level", "component", "msg", "pid", "hostname"]);

/**
 * One JSON log record as a line for people: local time, level, component, message, then the other
 * fields as key=value; an error's stack follows on indented lines.
 */
export function formatPrettyLine(json: string): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.endsWith("\n") ? json : `${json}\n`;
  }
  const head = [timeOfDay(record.time), String(record.level ?? "").toUpperCase().padEnd(5), String(record.component ?? "-").padEnd(6), String(record.msg ?? "")];
  let stack = "";
  const fields: string[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (HEAD_FIELDS.has(key)) continue;
    if (key === "err" && isSerializedError(value)) {
      fields.push(`err=${quoted(value.message)}`);
      if (value.stack) stack = `\n${value.stack.replace(/^/gm, "    ")}`;
      continue;
    }
    fields.push(`${key}=${typeof value === "string" ? quoted(value) : JSON.stringify(value)}`);
  }
  return `${head.join(" ")}${fields.length > 0 ? ` ${fields.join(" ")}` : ""}${stack}\n`;
}

function timeOfDay(time: unknown): string {
  const date = new Date(typeof time === "string" || typeof time === "number" ? time : Date.now());
  const pad = (value: number, width = 2) => String(value).padStart(width, "0");
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

function quoted(text: string): string {
  return /^[^\s="]+$/.test(text) ? text : JSON.stringify(text);
}

function isSerializedError(value: unknown): value is { message: string; stack?: string } {
  return typeof value === "object" && value !== null && typeof (value as { message?: unknown }).message === "string";
}
