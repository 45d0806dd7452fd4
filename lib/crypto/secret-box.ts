import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

// AES-256-GCM: a random 96-bit nonce per secret, the 128-bit tag authenticates the ciphertext
// and the purpose it was sealed for (associated data), so a box cannot be moved to another use.
const ALGORITHM = "aes-256-gcm";
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = "v1";

/** BSM_SECRET_KEY is missing or not a 32-byte key. */
export class SecretKeyError extends Error {}

/** The box was sealed with another key, for another purpose, or has been altered. */
export class SecretDecryptionError extends Error {}

const KEY_HELP = "a 32-byte key as base64 or 64 hex digits, e.g. from `openssl rand -base64 32` (npm start creates data/secret-key)";

/** Reads BSM_SECRET_KEY: 64 hex digits, or base64/base64url of exactly 32 bytes. */
export function parseSecretKey(raw: string | undefined): Buffer {
  const value = raw?.trim() ?? "";
  if (value === "") throw new SecretKeyError(`BSM_SECRET_KEY is not set: saved passwords need ${KEY_HELP}`);
  const key = /^[0-9a-fA-F]{64}$/.test(value)
    ? Buffer.from(value, "hex")
    : /^[A-Za-z0-9+/_-]+={0,2}$/.test(value)
      ? Buffer.from(value, "base64")
      : Buffer.alloc(0);
  if (key.length !== 32) throw new SecretKeyError(`BSM_SECRET_KEY is not valid: it must be ${KEY_HELP}`);
  return key;
}

/** Seals a secret as "v1.<base64url nonce|tag|ciphertext>"; `purpose` must be given again to open it. */
export function sealSecret(plaintext: string, key: Buffer, purpose: string): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(purpose, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${VERSION}.${Buffer.concat([nonce, cipher.getAuthTag(), ciphertext]).toString("base64url")}`;
}

export function openSecret(box: string, key: Buffer, purpose: string): string {
  const [version, payload] = box.split(".");
  if (version !== VERSION || !payload) throw new SecretDecryptionError("the saved secret is not in a known format");
  const bytes = Buffer.from(payload, "base64url");
  if (bytes.length < NONCE_BYTES + TAG_BYTES) throw new SecretDecryptionError("the saved secret is truncated");
  const decipher = createDecipheriv(ALGORITHM, key, bytes.subarray(0, NONCE_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(purpose, "utf8"));
  decipher.setAuthTag(bytes.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(NONCE_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretDecryptionError("the saved secrets cannot be decrypted with this BSM_SECRET_KEY (was the key changed?)");
  }
}
