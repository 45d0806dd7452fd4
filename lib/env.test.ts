import { describe, expect, it } from "vitest";
import { parseDatabaseUrl, parseEnv } from "./env";

describe("parseDatabaseUrl", () => {
  it.each([
    [undefined, { kind: "pglite", dataDir: "./data/pglite" }],
    ["", { kind: "pglite", dataDir: "./data/pglite" }],
    ["pglite:./data/other", { kind: "pglite", dataDir: "./data/other" }],
    ["pglite:memory://", { kind: "pglite", dataDir: "memory://" }],
    ["postgresql://bsm:pw@127.0.0.1:5432/bsm", { kind: "postgres", url: "postgresql://bsm:pw@127.0.0.1:5432/bsm" }],
    ["postgres://127.0.0.1/bsm", { kind: "postgres", url: "postgres://127.0.0.1/bsm" }],
  ])("reads %s", (input, expected) => {
    expect(parseDatabaseUrl(input)).toEqual(expected);
  });

  it.each([["mysql://localhost/x"], ["pglite:"], ["postgresql://"]])("rejects %s", (input) => {
    expect(() => parseDatabaseUrl(input)).toThrow(/^DATABASE_URL: /);
  });
});

describe("parseEnv", () => {
  it("defaults to the embedded database in development", () => {
    const parsed = parseEnv({ NODE_ENV: "development" });
    expect(parsed.database).toEqual({ kind: "pglite", dataDir: "./data/pglite" });
    expect(parsed.BSM_SEED_DEMO).toBe("0");
  });

  it("requires a secret in production, in one line", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(
      "Invalid configuration: NEXTAUTH_SECRET is required in production (npm start creates one)",
    );
  });

  it("names a bad DATABASE_URL in one line", () => {
    expect(() => parseEnv({ NODE_ENV: "development", DATABASE_URL: "mysql://x" })).toThrow(
      /^Invalid configuration: DATABASE_URL: must start with postgresql:\/\/ or pglite:/,
    );
  });

  it("wants the admin e-mail and password together", () => {
    expect(() => parseEnv({ BSM_ADMIN_EMAIL: "a@b.example" })).toThrow(/BSM_ADMIN_PASSWORD/);
  });

  it("rejects a short admin password", () => {
    expect(() => parseEnv({ BSM_ADMIN_EMAIL: "a@b.example", BSM_ADMIN_PASSWORD: "short" })).toThrow(
      "Invalid configuration: BSM_ADMIN_PASSWORD must be at least 8 characters",
    );
  });

  it("accepts a complete production configuration", () => {
    const parsed = parseEnv({
      NODE_ENV: "production",
      NEXTAUTH_SECRET: "0123456789abcdef0123",
      DATABASE_URL: "postgresql://127.0.0.1:5432/bsm",
    });
    expect(parsed.database.kind).toBe("postgres");
  });
});

describe("BSM_TRUSTED_PROXIES", () => {
  it("defaults to no trusted proxy and accepts addresses and CIDR ranges", () => {
    expect(parseEnv({}).BSM_TRUSTED_PROXIES).toBe("");
    expect(parseEnv({ BSM_TRUSTED_PROXIES: "10.0.0.1, 192.168.0.0/16, ::1" }).BSM_TRUSTED_PROXIES).toBe("10.0.0.1, 192.168.0.0/16, ::1");
  });

  it("refuses a bad entry in one line naming it", () => {
    expect(() => parseEnv({ BSM_TRUSTED_PROXIES: "10.0.0.1, proxy.local" })).toThrow(
      'Invalid configuration: BSM_TRUSTED_PROXIES "proxy.local" is not an IP address or CIDR range',
    );
  });
});

describe("BSM_READY_MAX_STALENESS_SECONDS", () => {
  it("is unset by default and reads whole seconds", () => {
    expect(parseEnv({}).BSM_READY_MAX_STALENESS_SECONDS).toBeUndefined();
    expect(parseEnv({ BSM_READY_MAX_STALENESS_SECONDS: "300" }).BSM_READY_MAX_STALENESS_SECONDS).toBe(300);
  });

  it.each(["0", "1.5", "ten", "86401"])("refuses %s in one line naming it", (value) => {
    expect(() => parseEnv({ BSM_READY_MAX_STALENESS_SECONDS: value })).toThrow(/^Invalid configuration: BSM_READY_MAX_STALENESS_SECONDS /);
  });
});

describe("BSM_LOG_LEVEL and BSM_LOG_FORMAT", () => {
  it("default to info and a format chosen by lib/log", () => {
    const parsed = parseEnv({});
    expect(parsed.BSM_LOG_LEVEL).toBe("info");
    expect(parsed.BSM_LOG_FORMAT).toBeUndefined();
  });

  it("accept pino's levels and the two formats", () => {
    expect(parseEnv({ BSM_LOG_LEVEL: "warn", BSM_LOG_FORMAT: "json" })).toMatchObject({ BSM_LOG_LEVEL: "warn", BSM_LOG_FORMAT: "json" });
    expect(parseEnv({ BSM_LOG_LEVEL: "silent", BSM_LOG_FORMAT: "pretty" })).toMatchObject({ BSM_LOG_LEVEL: "silent", BSM_LOG_FORMAT: "pretty" });
  });

  it("refuse a bad value in one line naming it", () => {
    expect(() => parseEnv({ BSM_LOG_LEVEL: "verbose" })).toThrow(
      "Invalid configuration: BSM_LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent",
    );
    expect(() => parseEnv({ BSM_LOG_FORMAT: "xml" })).toThrow("Invalid configuration: BSM_LOG_FORMAT must be one of json, pretty");
  });
});

describe("BSM_METRICS_ALLOW", () => {
  it("defaults to no address and accepts addresses and CIDR ranges", () => {
    expect(parseEnv({}).BSM_METRICS_ALLOW).toBe("");
    expect(parseEnv({ BSM_METRICS_ALLOW: "127.0.0.1, 10.0.0.0/8, ::1" }).BSM_METRICS_ALLOW).toBe("127.0.0.1, 10.0.0.0/8, ::1");
  });

  it("refuses a bad entry in one line naming it", () => {
    expect(() => parseEnv({ BSM_METRICS_ALLOW: "10.0.0.0/33" })).toThrow('Invalid configuration: BSM_METRICS_ALLOW "10.0.0.0/33" is not an IP address or CIDR range');
  });
});
