import type { HostElementDetail } from "@/lib/connector";
import { Time } from "@/components/ui/time";

const KIND_LABELS: Record<string, (hostType: string) => string> = {
  "element.create": (hostType) => `Host element created for ${hostType}`,
  "element.delete": (hostType) => `Host element for ${hostType} deleted`,
  "element.error": () => "Reflect failed",
  "export.on": () => "Export turned on",
  "export.off": () => "Export turned off",
};

const CAUSE_LABELS: Record<string, string> = { poll: "· after a poll", reflect: "· Reflect", "reflect-all": "· Reflect All", user: "" };

export function ReflectHistory({ events }: { events: HostElementDetail["history"] }) {
  if (events.length === 0) return <p className="text-sm text-slate-600">Nothing recorded yet.</p>;
  return (
    <ol className="max-w-3xl space-y-1 text-sm" data-testid="reflect-history">
      {events.map((event) => (
        <li key={event.id} className="rounded bg-white px-3 py-2 shadow-sm">
          <Time at={event.at} style="seconds" className="font-mono text-xs text-slate-500" />{" "}
          <strong>{(KIND_LABELS[event.kind] ?? (() => event.kind))(event.hostType)}</strong> {CAUSE_LABELS[event.cause] ?? event.cause}
          {event.userEmail && <span className="text-slate-600"> · {event.userEmail}</span>}
          {event.message && <span className="block text-red-700">{event.message}</span>}
        </li>
      ))}
    </ol>
  );
}
