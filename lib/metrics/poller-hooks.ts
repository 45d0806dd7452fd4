import type { LiveEvent } from "../events/live-events";
import type { AppMetrics } from "./registry";

/**
 * A poller's publish function that also counts what it publishes and observes each successful
 * cycle's phases (carried by its poll event), so lib/poller itself knows nothing of metrics.
 */
export function publishWithMetrics(publish: (event: LiveEvent) => Promise<void>, metrics: AppMetrics): (event: LiveEvent) => Promise<void> {
  return async (event) => {
    if (event.type === "poll" && event.ok && event.phases) metrics.observeCyclePhases(event.phases);
    await publish(event);
    metrics.pollerEventsPublished.inc();
  };
}
