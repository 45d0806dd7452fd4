import type { NotificationLogDelivery, NotificationLogEntry } from "@/lib/notify/log/list-notification-log";
import { StatusBadge } from "@/components/status/status-badge";
import { Time } from "@/components/ui/time";
import { TableScroll } from "@/components/ui/table-scroll";

const SKIP_REASONS: Record<string, string> = {
  belowAlertFrom: "below “alert from”",
  stopAlertAfterReached: "“stop alert after” reached",
  outsideTimePeriod: "outside the time period",
  missed: "fell due while the server was down",
};

const DELIVERY_LABELS: Record<NotificationLogDelivery["status"], { label: string; className: string }> = {
  QUEUED: { label: "queued", className: "text-slate-700" },
  SENDING: { label: "sending", className: "text-slate-700" },
  SENT: { label: "sent", className: "text-emerald-800" },
  FAILED: { label: "failed", className: "font-semibold text-red-800" },
  WITHHELD: { label: "withheld", className: "text-amber-800" },
};

function describeDelivery(delivery: NotificationLogDelivery): string {
  const parts = [`${delivery.methodKind} to ${delivery.recipientName}`];
  if (delivery.attempts > 1) parts.push(`${delivery.attempts} tries`);
  if (delivery.exitCode !== null) parts.push(`exit ${delivery.exitCode}`);
  return parts.join(", ");
}

function DeliveryLine({ delivery }: { delivery: NotificationLogDelivery }) {
  const style = DELIVERY_LABELS[delivery.status];
  const detail = [delivery.error, delivery.errorOutput.trim(), delivery.output.trim()].filter((text) => text).join(" — ");
  return (
    <li data-testid="notification-delivery" data-status={delivery.status}>
      <span className={style.className}>{style.label}</span>: {describeDelivery(delivery)}
      {detail && <pre className="mt-0.5 max-h-24 overflow-auto whitespace-pre-wrap text-xs text-slate-600">{detail}</pre>}
      {delivery.outputHidden && (
        <span className="block text-xs text-slate-500" data-testid="delivery-output-hidden">
          The reply is shown to administrators only.
        </span>
      )}
    </li>
  );
}

export function NotificationLogTable({ entries }: { entries: NotificationLogEntry[] }) {
  return (
    <TableScroll>
    <table className="w-full overflow-hidden rounded-lg bg-white text-sm shadow-sm" data-testid="notification-log">
      <thead className="bg-slate-100 text-left text-slate-600">
        <tr>
          <th className="px-3 py-2">Time</th>
          <th className="px-3 py-2">Profile</th>
          <th className="px-3 py-2">Object</th>
          <th className="px-3 py-2">Notification</th>
          <th className="px-3 py-2">Outcome</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id} className="border-t border-slate-100 align-top" data-testid="notification-log-entry">
            <td className="px-3 py-2 font-mono text-xs whitespace-nowrap"><Time at={entry.at} style="seconds" /></td>
            <td className="px-3 py-2">{entry.profileName}</td>
            <td className="px-3 py-2">
              {entry.objectName} <span className="text-xs text-slate-500">{entry.objectType === "BUSINESS_SERVICE" ? "business service" : "component"}</span>
            </td>
            <td className="px-3 py-2">
              <div className="flex items-center gap-2">
                <span className="font-medium">{entry.type}</span> #{entry.number} <StatusBadge state={entry.state} />
              </div>
              <div className="text-xs text-slate-500">{entry.availability}% availability</div>
            </td>
            <td className="px-3 py-2">
              {entry.send ? (
                entry.deliveries.length === 0 ? (
                  <span className="text-slate-600">sent, but the profile has no recipients</span>
                ) : (
                  <ul className="space-y-1">
                    {entry.deliveries.map((delivery) => (
                      <DeliveryLine key={delivery.id} delivery={delivery} />
                    ))}
                  </ul>
                )
              ) : (
                <span className="text-slate-600" data-testid="notification-skipped">
                  skipped: {SKIP_REASONS[entry.skipReason ?? ""] ?? entry.skipReason}
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    </TableScroll>
  );
}
