import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LivePollContext, type LivePollState } from "./live-events-provider";
import { SourceBanner } from "./source-banner";

const STALE_SINCE = Date.UTC(2026, 11, 4, 15, 0, 0);

function render(live: LivePollState | null, lastError: string | null): string {
  return renderToStaticMarkup(
    <LivePollContext.Provider value={live}>
      <SourceBanner sourceKind="opsview-db" sourceDescription="main database 127.0.0.1:1" staleSince={new Date(STALE_SINCE).toISOString()} lastError={lastError} />
    </LivePollContext.Provider>,
  );
}

describe("SourceBanner", () => {
  it("shows an administrator the source's error from the page while no live event has come", () => {
    expect(render(null, "connect ECONNREFUSED 127.0.0.1:1")).toContain("The monitoring source is not answering: connect ECONNREFUSED 127.0.0.1:1");
  });

  it("keeps that error when the stream's first word is a stale event without one", () => {
    const staleOnConnect: LivePollState = { ok: false, staleSince: STALE_SINCE, message: null, databaseDownSince: null };
    expect(render(staleOnConnect, "connect ECONNREFUSED 127.0.0.1:1")).toContain("The monitoring source is not answering: connect ECONNREFUSED 127.0.0.1:1");
  });

  it("shows the latest error a poll event brings", () => {
    const polled: LivePollState = { ok: false, staleSince: STALE_SINCE, message: "connect ETIMEDOUT 127.0.0.1:1", databaseDownSince: null };
    expect(render(polled, "connect ECONNREFUSED 127.0.0.1:1")).toContain("not answering: connect ETIMEDOUT 127.0.0.1:1");
  });

  it("gives a viewer (no error passed) the stale notice without any error text", () => {
    const html = render({ ok: false, staleSince: STALE_SINCE, message: null, databaseDownSince: null }, null);
    expect(html).toContain("Monitoring data is stale since");
    expect(html).not.toContain("not answering");
  });

  it("shows no stale notice once the live state is fresh", () => {
    expect(render({ ok: true, staleSince: null, message: null, databaseDownSince: null }, "old error")).not.toContain("stale-banner");
  });
});
