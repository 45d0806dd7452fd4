"use client";

import { Time } from "@/components/ui/time";
import { useLivePollState } from "./live-events-provider";

interface Props {
  sourceKind: string | null;
  sourceDescription: string | null;
  staleSince: string | null;
  /** The source's error text; the server passes it to administrators only. */
  lastError: string | null;
  /** Only what is wrong (stale source, database down), for the wall-screen view. */
  warningsOnly?: boolean;
}

/** Says where the data comes from (and that it is simulated), and when it has gone stale. */
export function SourceBanner({ sourceKind, sourceDescription, staleSince, lastError, warningsOnly = false }: Props) {
  const live = useLivePollState();
  const stale = live ? live.staleSince : staleSince ? Date.parse(staleSince) : null;
  // The stream announces a stale source on connect, before any poll event carries the error: until
  // one does, the error the page was rendered with still holds (null for non-administrators).
  const error = live?.message ?? lastError;
  const databaseDownSince = live?.databaseDownSince ?? null;
  return (
    <div className="space-y-1" data-testid="source-banner">
      {sourceKind === "simulated" && !warningsOnly && (
        <p className="rounded bg-amber-100 px-3 py-1.5 text-sm text-amber-950">
          <strong>Simulated data.</strong> {sourceDescription}
        </p>
      )}
      {databaseDownSince !== null && (
        <p role="status" className="rounded bg-red-100 px-3 py-1.5 text-sm text-red-950" data-testid="database-down-banner">
          <strong>The dashboard&apos;s database cannot be reached since <Time at={databaseDownSince} />.</strong> What is shown may be out of
          date.
        </p>
      )}
      {stale !== null && (
        <p role="status" className="rounded bg-red-100 px-3 py-1.5 text-sm text-red-950" data-testid="stale-banner">
          <strong>Monitoring data is stale since <Time at={stale} />.</strong>{" "}
          {error ? `The monitoring source is not answering: ${error}. ` : ""}The last known states are shown.
        </p>
      )}
    </div>
  );
}
