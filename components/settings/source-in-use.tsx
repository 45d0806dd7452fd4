import type { PollerStatusView } from "@/lib/status/get-poller-status";
import type { SourceEventView } from "@/lib/status/list-source-events";
import type { SourceSettingsFormData } from "@/lib/settings/load-source-settings-form";
import { Time } from "@/components/ui/time";

/** Where the settings come from, which database the poller reads now (main or backup) and how the last poll went. */
export function SourceInUse({ form, poller, events }: { form: SourceSettingsFormData; poller: PollerStatusView | null; events: SourceEventView[] }) {
  const description = poller?.sourceDescription ?? null;
  const database = description?.startsWith("backup database") ? "Backup (failed over)" : description?.startsWith("main database") ? "Main" : null;
  return (
    <section aria-labelledby="source-in-use-heading" className="max-w-2xl rounded-lg bg-white p-6 text-sm shadow-sm" data-testid="source-in-use">
      <h2 id="source-in-use-heading" className="mb-3 text-lg font-semibold">
        In use now
      </h2>
      <dl className="grid grid-cols-1 sm:grid-cols-[11rem_minmax(0,1fr)] [overflow-wrap:anywhere] gap-x-4 gap-y-2">
        <dt className="font-medium text-slate-600">Settings</dt>
        <dd data-testid="settings-origin">
          {form.origin === "saved" ? (
            <>
              Saved on this page by {form.updatedByEmail} at <Time at={form.updatedAt!} />
            </>
          ) : (
            "From the environment (BSM_SOURCE, BSM_SOURCE_SETTINGS, BSM_POLL_INTERVAL_SECONDS)"
          )}
        </dd>
        <dt className="font-medium text-slate-600">Reading from</dt>
        <dd data-testid="reading-from">{description ?? "not polled yet"}</dd>
        {database && (
          <>
            <dt className="font-medium text-slate-600">Database in use</dt>
            <dd data-testid="database-in-use">{database}</dd>
          </>
        )}
        <dt className="font-medium text-slate-600">Last successful poll</dt>
        <dd>{poller?.lastSuccessAt ? <Time at={poller.lastSuccessAt} /> : "never"}</dd>
        <dt className="font-medium text-slate-600">Last result</dt>
        <dd data-testid="last-poll-result" className={poller?.lastError ? "text-red-800" : undefined}>
          {poller?.lastError ? (
            <>
              failing since {poller.staleSince ? <Time at={poller.staleSince} /> : "?"}: {poller.lastError}
            </>
          ) : poller ? (
            "ok"
          ) : (
            "—"
          )}
        </dd>
      </dl>
      {form.environmentProblem && <p className="mt-3 text-amber-800">{form.environmentProblem}</p>}
      <h3 className="mt-4 mb-2 font-semibold">Recent source events</h3>
      {events.length === 0 ? (
        <p className="text-slate-600">None: no failover, failback or source errors so far.</p>
      ) : (
        <ul className="space-y-1" data-testid="source-events">
          {events.map((event) => (
            <li key={event.id} className="rounded bg-slate-50 px-3 py-1.5">
              <Time at={event.at} className="font-mono text-xs text-slate-500" /> <strong>{event.kind}</strong>: {event.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
