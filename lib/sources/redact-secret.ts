/**
 * The message with every occurrence of the secret replaced by "***". Any non-empty secret counts,
 * however short: a garbled message is better than a leaked password.
 */
export function redactSecret(message: string, secret: string): string {
  return secret === "" ? message : message.split(secret).join("***");
}
