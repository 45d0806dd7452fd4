/**
 * Wakes this process's executor when an action was just stored (the web process and the poller
 * share a process in the default set-up; Next.js may load this module more than once, so the
 * listeners live on globalThis). A separate poller process finds new rows within a second.
 */
const globalForActions = globalThis as typeof globalThis & { bsmSourceActionListeners?: Set<() => void> };
const listeners = (globalForActions.bsmSourceActionListeners ??= new Set<() => void>());

export function onSourceActionRequested(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function wakeSourceActionExecutor(): void {
  for (const listener of listeners) listener();
}
