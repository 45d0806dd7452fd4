import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SecretDecryptionError, SecretKeyError, openSecret, parseSecretKey, sealSecret } from "./secret-box";

const key = randomBytes(32);

describe("sealSecret and openSecret", () => {
  it.each(["", "s3cret", "pässwörd with spaces ✓", "x".repeat(10_000)])("round-trips %j", (secret) => {
    expect(openSecret(sealSecret(secret, key, "test"), key, "test")).toBe(secret);
  });

  it("never shows the secret and seals the same secret differently each time", () => {
    const first = sealSecret("hunter2-hunter2", key, "test");
    const second = sealSecret("hunter2-hunter2", key, "test");
    expect(first).not.toContain("hunter2");
    expect(Buffer.from(first.slice(3), "base64url").toString("latin1")).not.toContain("hunter2");
    expect(first).not.toBe(second);
  });

  it("refuses a wrong key with a message that says what to check", () => {
    const box = sealSecret("s3cret", key, "test");
    expect(() => openSecret(box, randomBytes(32), "test")).toThrow(SecretDecryptionError);
    expect(() => openSecret(box, randomBytes(32), "test")).toThrow("cannot be decrypted with this BSM_SECRET_KEY");
  });

  it("refuses a box sealed for another purpose, an altered box and garbage", () => {
    const box = sealSecret("s3cret", key, "test");
    expect(() => openSecret(box, key, "other")).toThrow(SecretDecryptionError);
    const bytes = Buffer.from(box.slice(3), "base64url");
    bytes[bytes.length - 1] ^= 1;
    expect(() => openSecret(`v1.${bytes.toString("base64url")}`, key, "test")).toThrow(SecretDecryptionError);
    expect(() => openSecret("v1.AAAA", key, "test")).toThrow("truncated");
    expect(() => openSecret("plain text", key, "test")).toThrow("not in a known format");
  });
});

describe("parseSecretKey", () => {
  it("accepts 32 bytes as base64, base64url or hex", () => {
    expect(parseSecretKey(key.toString("base64"))).toEqual(key);
    expect(parseSecretKey(key.toString("base64url"))).toEqual(key);
    expect(parseSecretKey(key.toString("hex"))).toEqual(key);
    expect(parseSecretKey(` ${key.toString("hex")}\n`)).toEqual(key);
  });

  it.each([
    [undefined, "BSM_SECRET_KEY is not set"],
    ["", "BSM_SECRET_KEY is not set"],
    ["short", "BSM_SECRET_KEY is not valid"],
    [randomBytes(16).toString("base64"), "BSM_SECRET_KEY is not valid"],
    ["not base64 at all!", "BSM_SECRET_KEY is not valid"],
  ])("refuses %j in one line", (raw, message) => {
    expect(() => parseSecretKey(raw)).toThrow(SecretKeyError);
    expect(() => parseSecretKey(raw)).toThrow(message);
  });
});
