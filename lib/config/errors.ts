/** Bad input, with a message per field so forms can show them next to the field. */
export class ConfigInputError extends Error {
  constructor(readonly fieldErrors: Record<string, string>) {
    super(Object.entries(fieldErrors).map(([field, message]) => `${field}: ${message}`).join("; "));
    this.name = "ConfigInputError";
  }
}

/** The object does not exist, or the user may not know that it does. */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotFoundError";
  }
}

export function fieldErrorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : "input";
    errors[field] ??= issue.message;
  }
  return errors;
}
