const ISO_TIME = /\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?\b/g;

/**
 * A source's message as users see it: one line, at most 500 characters, without raw timestamps
 * (pages show times formatted for people; the action's own fields carry the times).
 */
export function userMessage(text: string): string {
  const flat = text.replace(ISO_TIME, "(a time)").replace(/\s+/g, " ").trim();
  return flat.length > 500 ? `${flat.slice(0, 497)}...` : flat;
}
