import { existsSync } from "node:fs";
import { join } from "node:path";
import type { NotificationContext } from "../environment";
import { locateNotifyViaNagios, type MethodConfig } from "../methods";
import type { StoredMethod } from "../profiles/profile-input";

/** What a queued delivery holds: the method as it was configured and the facts it reports, fixed when queued. */
export interface DeliveryPayload {
  method: MethodConfig;
  context: NotificationContext;
}

/** A stored method as the runner wants it; `notify_via_nagios` resolves to the wrapper shipped with lib/notify. */
export function toMethodConfig(method: StoredMethod): MethodConfig {
  const timeoutMs = method.timeoutSeconds * 1000;
  switch (method.kind) {
    case "command": {
      const [program, ...args] = method.argv;
      // Run through sh so the wrapper works wherever a bundler copied it, with or without its execute bit.
      const argv = program === "notify_via_nagios" ? ["/bin/sh", notifyViaNagiosPath(), ...args] : method.argv;
      return { kind: "command", argv, timeoutMs };
    }
    case "email":
      return {
        kind: "email",
        host: method.host,
        port: method.port,
        secure: method.secure,
        auth: method.username === "" ? undefined : { user: method.username, pass: method.password },
        from: method.from,
        timeoutMs,
      };
    case "webhook":
      return { kind: "webhook", url: method.url, headers: method.headers, timeoutMs };
  }
}

function notifyViaNagiosPath(): string {
  const shipped = locateNotifyViaNagios();
  const inSources = join(process.cwd(), "lib/notify/bin/notify_via_nagios");
  return existsSync(shipped) ? shipped : inSources;
}
