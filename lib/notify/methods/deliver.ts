import { fileURLToPath } from "node:url";

import { buildOpsviewEnvironment, type NotificationContext } from "../environment";
import { DEFAULT_RETRY_POLICY, runWithRetries, sleepFor, type RetryPolicy, type Sleep } from "../retry";
import { runCommand, type CommandMethodConfig } from "./command";
import { composeEmail, composeWebhookPayload } from "./compose";
import { sendEmail, type EmailMethodConfig } from "./email";
import type { OutboundPolicy } from "../outbound-policy";
import type { ResolveHost } from "./outbound-target";
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
  /** Where webhooks and SMTP may connect (an administrator's setting); the default refuses the server's own networks. */
  outboundPolicy?: OutboundPolicy;
  resolveHost?: ResolveHost;
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
  const outbound = { policy: options.outboundPolicy, resolveHost: options.resolveHost };
  return runWithRetries(
    async () => {
      switch (method.kind) {
        case "command":
          return runCommand(method, { ...options.inheritedEnvironment, ...buildOpsviewEnvironment(context) });
        case "email":
          return sendEmail(method, composeEmail(context), outbound);
        case "webhook":
          return postWebhook(method, composeWebhookPayload(context), outbound);
      }
    },
    policy,
    sleep,
  );
}
