import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { SourceActionCapabilities } from "@/lib/source-actions/types";
import { hostOffers } from "./offers";
import { CheckSourceActions, HostSourceActions, SourceActionButton } from "./source-action-button";
import { SourceActionsProvider } from "./source-actions-provider";

const READ_ONLY = "The Opsview runtime database is read-only: acknowledge in Opsview itself.";

/** Renders inside a provider whose capabilities are already known (as the page has them after its one request). */
function render(capabilities: SourceActionCapabilities, element: ReactElement): string {
  const client = new QueryClient();
  client.setQueryData(["source-actions", "capabilities"], capabilities);
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <SourceActionsProvider>{element}</SourceActionsProvider>
    </QueryClientProvider>,
  );
}

const count = (html: string, text: string) => html.split(text).length - 1;

const failedHost = (name: string) => (
  <>
    <HostSourceActions host={name} offers={hostOffers({ name, state: "FAILED", acknowledged: false })} />
    <CheckSourceActions host={name} check={{ name: "HTTP", failing: true, acknowledged: false, inDowntime: false }} />
  </>
);

describe("source actions on a page", () => {
  it("offers a failed host's and check's actions to a user who may act", () => {
    const html = render({ canAct: true, sourceAccepts: true, userMayAct: true, reason: null }, failedHost("web-01"));
    expect(html).toContain('data-source-actions="can-act"');
    expect(html).toContain('aria-label="Acknowledge web-01 (its failing checks)"');
    expect(html).toContain('aria-label="Schedule downtime web-01 and all its checks"');
    expect(html).toContain('aria-label="Acknowledge HTTP on web-01"');
    expect(html).not.toContain("source-actions-unavailable");
  });

  it("says once why a read-only source cannot act, and offers nothing", () => {
    const html = render(
      { canAct: false, sourceAccepts: false, userMayAct: true, reason: READ_ONLY },
      <>
        {failedHost("web-01")}
        {failedHost("web-02")}
      </>,
    );
    expect(html).toContain('data-source-actions="cannot-act"');
    expect(count(html, READ_ONLY)).toBe(1);
    expect(html).not.toContain("source-action-button");
  });

  it("tells a user without ACTIONBSM nothing about a read-only source", () => {
    const html = render({ canAct: false, sourceAccepts: false, userMayAct: false, reason: READ_ONLY }, failedHost("web-01"));
    expect(html).not.toContain(READ_ONLY);
    expect(html).not.toContain("source-action-button");
  });

  it("shows a user without ACTIONBSM nothing at all when the source takes commands", () => {
    const html = render({ canAct: false, sourceAccepts: true, userMayAct: false, reason: "Your role does not include ACTIONBSM." }, failedHost("web-01"));
    expect(html).not.toContain("ACTIONBSM");
    expect(html).not.toContain("source-action-button");
  });

  it("offers the removals where they apply, and nothing for an operational host in a downtime", () => {
    const html = render(
      { canAct: true, sourceAccepts: true, userMayAct: true, reason: null },
      <>
        <HostSourceActions host="db-01" offers={hostOffers({ name: "db-01", state: "DOWNTIME", acknowledged: false })} />
        <CheckSourceActions host="db-02" check={{ name: "Disk", failing: true, acknowledged: true, inDowntime: true }} />
      </>,
    );
    expect(html).toContain('aria-label="Remove downtime db-01 and all its checks"');
    expect(html).not.toContain('aria-label="Schedule downtime db-01');
    expect(html).toContain('aria-label="Remove acknowledgement Disk on db-02"');
    expect(html).toContain('aria-label="End downtime Disk on db-02"');
    expect(html).not.toContain('aria-label="Acknowledge Disk on db-02"');
  });

  it("draws the button of a page without a provider only once it knows the user may act", () => {
    const client = new QueryClient();
    const html = renderToStaticMarkup(
      <QueryClientProvider client={client}>
        <SourceActionButton kind="downtime" targets={[{ host: "web-01" }]} label="Schedule this" />
      </QueryClientProvider>,
    );
    expect(html).toContain('data-source-actions="asking"');
    expect(html).not.toContain("Schedule this");
  });
});
