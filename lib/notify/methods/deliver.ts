import { fileURLToPath } from "node:url";

import { buildOpsviewEnvironment, type NotificationContext } from "../environment";
import { DEFAULT_RETRY_POLICY, runWithRetries, sleepFor, type RetryPolicy, type Sleep } from "../retry";
import { runCommand, type CommandMethodConfig } from "./command";
import { composeEmail, composeWebhookPayload } from "./compose";
import { sendEmail, type EmailMethodConfig } from "./email";
import type { DeliveryResult } from "./result";
import { postWebhook, type WebhookMethodConfig } from "./webhook";

export type MethodConfig =
  | ({ kind: "command" } & CommandMethodConfig)
  | ({ kind: "email" } & EmailMethodConfig)
  | ({ kind: "webhook" } & WebhookMethodConfig);

export interface DeliveryOptions {
  retryPolicy?: RetryPolicy;
  /** Variables a command inherits besides OPSVIEW_*; see pickInheritedEnvironment. */
  inheritedEnvironment?: Readonly<Record<string, string>>;
  sleep?: Sleep;
  fetch?: typeof fetch;
}

/** Absolute path of the `notify_via_nagios` wrapper shipped with this module. */
export function locateNotifyViaNagios(): string {
  return fileURLToPath(new URL("../bin/notify_via_nagios", import.meta.url));
}

/** Runs one method for one notification with bounded retries; resolves with a log record, never rejects. */
export function deliverNotification(
  method: MethodConfig,
  context: NotificationContext,
  options: DeliveryOptions = {},
): Promise<DeliveryResult> {
  const policy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
  const sleep = options.sleep ?? sleepFor;
  return runWithRetries(
    async () => {
      switch (method.kind) {
        case "command":
          return runCommand(method, { ...options.inheritedEnvironment, ...buildOpsviewEnvironment(context) });
        case "email":
          return sendEmail(method, composeEmail(context));
        case "webhook":
          return postWebhook(method, composeWebhookPayload(context), options.fetch);
      }
    },
    policy,
    sleep,
  );
}
