import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LiveFreshnessIndicator, InStateFor, StaleFrame } from "./freshness";
import { staleDataOf, type LiveFreshness, type StaleData } from "./freshness-state";
import { LiveFreshnessContext, StaleDataContext, type LivePollState } from "./live-events-provider";

const FRESH_POLL: LivePollState = { ok: true, staleSince: null, message: null, databaseDownSince: null };
const CONFIRMED = Date.now() - 12_000;

describe("whether the page's data may be out of date", () => {
  it.each<[string, LiveFreshness, LivePollState | null, StaleData["reason"] | null]>([
    ["fresh while the stream is open and the source answers", { connection: "connected", confirmedAt: CONFIRMED }, FRESH_POLL, null],
    ["fresh in the page's first moments, before the stream opened", { connection: "connecting", confirmedAt: CONFIRMED }, null, null],
    ["stale while the stream is being opened again", { connection: "reconnecting", confirmedAt: CONFIRMED }, FRESH_POLL, "connection"],
    ["stale while the browser is offline", { connection: "offline", confirmedAt: CONFIRMED }, FRESH_POLL, "connection"],
    ["stale when the source stopped answering", { connection: "connected", confirmedAt: CONFIRMED }, { ...FRESH_POLL, ok: false, staleSince: CONFIRMED }, "source"],
    ["stale when the dashboard's database cannot be reached", { connection: "connected", confirmedAt: CONFIRMED }, { ...FRESH_POLL, databaseDownSince: CONFIRMED }, "database"],
  ])("%s", (_, freshness, poll, reason) => {
    expect(staleDataOf(freshness, poll)).toEqual(reason === null ? null : { reason, confirmedAt: CONFIRMED });
  });
});

function render(freshness: LiveFreshness, element: React.ReactElement): string {
  const stale = staleDataOf(freshness, FRESH_POLL);
  return renderToStaticMarkup(
    <LiveFreshnessContext.Provider value={freshness}>
      <StaleDataContext.Provider value={stale}>{element}</StaleDataContext.Provider>
    </LiveFreshnessContext.Provider>,
  );
}

describe("the freshness indicator", () => {
  it("says in words that the page is live and when its data was last confirmed", () => {
    const html = render({ connection: "connected", confirmedAt: CONFIRMED }, <LiveFreshnessIndicator />);
    expect(html).toContain("Live");
    expect(html).toMatch(/updated <time[^>]*>1[23] s ago<\/time>/);
    expect(html).toContain('data-stale="false"');
  });

  it("says the stream is being reconnected, and that nothing was confirmed yet when nothing was", () => {
    const html = render({ connection: "reconnecting", confirmedAt: null }, <LiveFreshnessIndicator />);
    expect(html).toContain("Reconnecting…");
    expect(html).toContain("not updated yet");
    expect(html).toContain('data-stale="true"');
  });
});

describe("a stale live view", () => {
  it("is greyed and hatched with a notice saying why and when its data was last confirmed", () => {
    const html = render({ connection: "offline", confirmedAt: CONFIRMED }, <StaleFrame>states</StaleFrame>);
    expect(html).toContain('data-stale="true"');
    expect(html).toContain("Connection lost:");
    expect(html).toMatch(/last confirmed <time[^>]*>1[23] s ago<\/time>/);
    expect(html).toContain("grayscale");
  });

  it("shows its content plainly while fresh", () => {
    const html = render({ connection: "connected", confirmedAt: CONFIRMED }, <StaleFrame>states</StaleFrame>);
    expect(html).toContain('data-stale="false"');
    expect(html).not.toContain("grayscale");
  });
});

describe("how long an object has been in its state", () => {
  it("reads 'for 2 h 13 min' with the moment it entered the state on hover", () => {
    const since = new Date(Date.now() - (2 * 60 + 13) * 60_000 - 5_000).toISOString();
    const html = renderToStaticMarkup(<InStateFor since={since} />);
    expect(html).toContain("for 2 h 13 min");
    expect(html).toMatch(/title="Since \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC"/);
  });

  it("says nothing when the time is not known", () => {
    expect(renderToStaticMarkup(<InStateFor since={null} />)).toBe("");
  });
});
