import { describe, expect, it } from "vitest";
import { logSettings, type LogFormat } from "./settings";
import { chooseLogFormat, createLogger, lineLogger } from "./index";

function capture(format: LogFormat, level: Parameters<typeof createLogger>[0]["level"] = "info") {
  const lines: string[] = [];
  const logger = createLogger({ level, format, write: (text) => lines.push(...text.split("\n").filter((line) => line !== "")) });
  return { logger, lines, text: () => lines.join("\n") };
}

const SECRETS = {
  password: "pw-top-1",
  token: "tok-top-2",
  secret: "sec-top-3",
  authorization: "Bearer bsm_auth-4",
  cookie: "next-auth.session-token=cookie-5",
  apiKey: "key-6",
  settings: { main: { host: "db.example", databasePassword: "pw-nested-7" }, headers: { Authorization: "Basic auth-8" } },
  targets: [{ smtpPassword: "pw-array-9" }],
};
const SECRET_VALUES = ["pw-top-1", "tok-top-2", "sec-top-3", "bsm_auth-4", "cookie-5", "key-6", "pw-nested-7", "auth-8", "pw-array-9"];

describe("createLogger", () => {
  it("writes JSON lines with level, time, component, msg and the fields", () => {
    const { logger, lines } = capture("json");
    logger.child({ component: "poller" }).info({ checks: 3 }, "Poll: full");
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(record).toMatchObject({ level: "info", component: "poller", msg: "Poll: full", checks: 3 });
    expect(new Date(record.time as string).toISOString()).toBe(record.time);
  });

  it("writes readable lines: time, level, component, message, then key=value", () => {
    const { logger, lines } = capture("pretty");
    logger.child({ component: "web", requestId: "abc-1" }).warn({ status: 503, path: "/api/x y" }, "API request failed");
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} WARN  web    API request failed requestId=abc-1 status=503 path="\/api\/x y"$/);
  });

  it("prints an error's message as a field and its stack below, in readable lines", () => {
    const { logger, lines } = capture("pretty");
    logger.error({ err: new Error("boom") }, "Poll failed");
    expect(lines[0]).toMatch(/ERROR - +Poll failed err=boom$/);
    expect(lines[1]).toMatch(/^ {4}Error: boom$/);
  });

  it.each<LogFormat>(["json", "pretty"])("never shows a secret-named field's value, at any depth (%s)", (format) => {
    const { logger, text } = capture(format);
    logger.child({ component: "auth", sessionToken: "tok-binding-10" }).info(SECRETS, "signed in");
    for (const secret of [...SECRET_VALUES, "tok-binding-10"]) expect(text()).not.toContain(secret);
    expect(text()).toContain("db.example");
    expect(text()).toContain("[redacted]");
  });

  it.each<LogFormat>(["json", "pretty"])("cuts the password out of connection strings in messages, fields and errors (%s)", (format) => {
    const { logger, text } = capture(format);
    logger.warn("PostgreSQL: cannot connect to postgresql://bsm:conn-pw-1@db:5432/bsm");
    logger.error({ err: new Error("connect failed: mysql://reader:conn-pw-2@10.0.0.1/opsview"), url: "postgres://u:conn-pw-3@h/db" }, "failed");
    for (const secret of ["conn-pw-1", "conn-pw-2", "conn-pw-3"]) expect(text()).not.toContain(secret);
    expect(text()).toContain("postgresql://bsm:***@db:5432/bsm");
  });

  it("keeps info lines out at BSM_LOG_LEVEL=warn", () => {
    const { logger, lines } = capture("json", logSettings({ BSM_LOG_LEVEL: "warn" }).level);
    logger.info("routine");
    logger.debug("detail");
    logger.warn("attention");
    logger.error("failure");
    expect(lines.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual(["attention", "failure"]);
  });

  it("writes a LogLine at the level it asks for, info by default", () => {
    const { logger, lines } = capture("json");
    const log = lineLogger(logger);
    log("started");
    log("lost the lock", "warn");
    expect(lines.map((line) => (JSON.parse(line) as { level: string }).level)).toEqual(["info", "warn"]);
  });
});

describe("chooseLogFormat", () => {
  it.each([
    [{ format: undefined, production: true }, false, "json"],
    [{ format: undefined, production: true }, true, "pretty"],
    [{ format: undefined, production: false }, false, "pretty"],
    [{ format: "json" as const, production: false }, true, "json"],
    [{ format: "pretty" as const, production: true }, false, "pretty"],
  ])("%o with stdout a terminal: %s → %s", (settings, terminal, expected) => {
    expect(chooseLogFormat(settings, terminal)).toBe(expected);
  });
});

describe("logSettings", () => {
  it("reads the level and format, falling back to the defaults on bad values (parseEnv reports those)", () => {
    expect(logSettings({ BSM_LOG_LEVEL: "debug", BSM_LOG_FORMAT: "json", NODE_ENV: "production" })).toEqual({ level: "debug", format: "json", production: true });
    expect(logSettings({ BSM_LOG_LEVEL: "loud", BSM_LOG_FORMAT: "xml" })).toEqual({ level: "info", format: undefined, production: false });
  });
});
