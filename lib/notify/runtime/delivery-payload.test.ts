import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { toMethodConfig } from "./delivery-payload";

describe("toMethodConfig", () => {
  it("runs notify_via_nagios through sh from the wrapper shipped with lib/notify, keeping the arguments as given", () => {
    const config = toMethodConfig({ kind: "command", argv: ["notify_via_nagios", "/usr/local/nagios/notify_by_pigeons", "--loft", "2"], timeoutSeconds: 20, settings: {}, contactVariables: [] });
    expect(config).toMatchObject({ kind: "command", timeoutMs: 20_000 });
    const argv = config.kind === "command" ? config.argv : [];
    expect(argv[0]).toBe("/bin/sh");
    expect(argv[1]).toMatch(/lib\/notify\/bin\/notify_via_nagios$/);
    expect(existsSync(argv[1])).toBe(true);
    expect(argv.slice(2)).toEqual(["/usr/local/nagios/notify_by_pigeons", "--loft", "2"]);
  });

  it("passes any other program's argument vector unchanged", () => {
    expect(toMethodConfig({ kind: "command", argv: ["/usr/bin/logger", "-t", "bsm; rm -rf /"], timeoutSeconds: 5, settings: { A: "1" }, contactVariables: ["B"] })).toEqual({
      kind: "command",
      argv: ["/usr/bin/logger", "-t", "bsm; rm -rf /"],
      timeoutMs: 5_000,
    });
  });

  it("logs in to SMTP only when a user name is set", () => {
    const email = { kind: "email", host: "smtp.example.test", port: 587, secure: false, password: "secret", from: "bsm@example.test", timeoutSeconds: 30 } as const;
    expect(toMethodConfig({ ...email, username: "" })).toEqual({ kind: "email", host: "smtp.example.test", port: 587, secure: false, auth: undefined, from: "bsm@example.test", timeoutMs: 30_000 });
    expect(toMethodConfig({ ...email, username: "bsm" })).toMatchObject({ auth: { user: "bsm", pass: "secret" } });
  });

  it("keeps a webhook's headers", () => {
    expect(toMethodConfig({ kind: "webhook", url: "https://hooks.example.test/x", headers: { Authorization: "Bearer t" }, timeoutSeconds: 10 })).toEqual({
      kind: "webhook",
      url: "https://hooks.example.test/x",
      headers: { Authorization: "Bearer t" },
      timeoutMs: 10_000,
    });
  });
});
