import { describe, expect, it } from "vitest";
import { redactSecret } from "./redact-secret";

describe("redactSecret", () => {
  it.each([
    ["replaces every occurrence of the password", "login as bsm with hunter22 failed: hunter22", "hunter22", "login as bsm with *** failed: ***"],
    ["leaves a message without the password as it is", "connection refused", "hunter22", "connection refused"],
    ["leaves the message alone when there is no password", "connection refused", "", "connection refused"],
    ["hides even a one-character password", "pw=x", "x", "pw=***"],
  ])("%s", (_, message, secret, expected) => {
    expect(redactSecret(message, secret)).toBe(expected);
  });
});
