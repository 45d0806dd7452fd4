// Rules: docs/notification-rules.md §9 (what e-mail and webhook methods send).
import {
  buildOpsviewEnvironment,
  describeStateText,
  formatLongDateTime,
  formatOutputLine,
  stripHtml,
  summariseSubObjects,
  type NotificationContext,
} from "../environment";
import { describeStateWord } from "../decide";
import type { EmailMessage } from "./email";

/** Subject `PROBLEM: BSMService Shop is offline`; the body holds the output line, detail and notes. */
export function composeEmail(context: NotificationContext): EmailMessage {
  const environment = buildOpsviewEnvironment(context);
  const lines = [
    environment.OPSVIEW_OUTPUT,
    "",
    environment.OPSVIEW_DETAIL,
    "",
    `Notification number: ${environment.OPSVIEW_NOTIFICATIONNUMBER}`,
    `Time: ${environment.OPSVIEW_LONGDATETIME}`,
    `Availability threshold: ${environment.OPSVIEW_AVAILABILITY_THRESHOLD}%`,
  ];
  if (environment.OPSVIEW_NOTES !== "") lines.push("", "Notes:", environment.OPSVIEW_NOTES);
  return {
    to: context.contact.email ?? "",
    subject: `${environment.OPSVIEW_NOTIFICATIONTYPE}: ${environment.OPSVIEW_OBJECTTYPE} ${environment.OPSVIEW_NAME} is ${environment.OPSVIEW_STATETEXT}`,
    text: `${lines.join("\n")}\n`,
  };
}

export interface WebhookPayload {
  type: string;
  state: string;
  stateText: string;
  number: number;
  at: string;
  object: { type: string; id: string; name: string };
  availability: number;
  availabilityThreshold: number;
  summary: string;
  output: string;
  detail: { name: string; state: string }[];
  notes: string;
  contact: { name: string; email: string | null };
  time: string;
}

/** The JSON body of the webhook method; method settings (which may hold secrets) are left out. */
export function composeWebhookPayload(context: NotificationContext): WebhookPayload {
  const { object, notification } = context;
  return {
    type: notification.type,
    state: notification.state,
    stateText: describeStateText(notification.state),
    number: notification.number,
    at: new Date(notification.at).toISOString(),
    object: { type: object.type, id: object.id, name: object.name },
    availability: notification.availability,
    availabilityThreshold: context.availabilityThreshold,
    summary: summariseSubObjects(object.type, object.subObjects),
    output: formatOutputLine(context),
    detail: object.subObjects.map((subObject) => ({
      name: subObject.name,
      state: describeStateWord({ state: subObject.state, impacted: subObject.impacted ?? false }),
    })),
    notes: context.includeNotes && object.notes ? stripHtml(object.notes) : "",
    contact: { name: context.contact.name, email: context.contact.email },
    time: formatLongDateTime(new Date(notification.at), context.timeZone),
  };
}
