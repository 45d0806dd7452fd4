import { describe, expect, it } from "vitest";
import { generatePassword, hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("verifies the password it hashed and rejects another", async () => {
    const stored = await hashPassword("correct horse battery");
    expect(stored.startsWith("scrypt$32768$8$1$")).toBe(true);
    expect(await verifyPassword("correct horse battery", stored)).toBe(true);
    expect(await verifyPassword("correct horse batterx", stored)).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same")).not.toBe(await hashPassword("same"));
  });

  it("rejects a stored value that is not an scrypt hash", async () => {
    expect(await verifyPassword("x", "plain-text")).toBe(false);
  });

  it("generates distinct passwords of 16 characters", () => {
    const first = generatePassword();
    expect(first).toHaveLength(16);
    expect(generatePassword()).not.toBe(first);
  });
});
