/**
 * Input that is read only when an operation asks for it, after its permission checks: an API
 * request's body is not read (nor its size paid for) for a caller who may not make the change.
 * A class, not a bare function, so that nothing a client sends can pass for one.
 */
export class DeferredInput {
  constructor(readonly read: () => Promise<unknown>) {}
}

/** The raw input itself, or what a DeferredInput reads. */
export async function resolveInput(raw: unknown): Promise<unknown> {
  return raw instanceof DeferredInput ? raw.read() : raw;
}
