// What a search answers, shared by the API (search-estate.ts) and the header's search box.

export const SEARCH_KINDS = ["service", "component", "host", "check"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
  service: "Business services",
  component: "Components",
  host: "Hosts",
  check: "Service checks",
};

export const MAX_QUERY_LENGTH = 100;

export interface SearchHit {
  kind: SearchKind;
  /** Unique within its kind. */
  key: string;
  name: string;
  /** A state as components/status names it (OPERATIONAL, FAILED, CRITICAL, …). */
  state: string;
  /** What else helps to tell it apart: a check's host, a host's checks not OK, a flag. */
  detail: string | null;
  href: string;
}

export type SearchResults = { query: string } & Record<SearchKind, SearchHit[]>;
