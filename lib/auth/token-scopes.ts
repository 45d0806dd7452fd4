// Rules: docs/access-rules.md §9.2. Apart from api-tokens.ts (server-only) so the token form can list them.

/** "read-only" tokens may only read; "full" tokens may do whatever their user may; "metrics" tokens only read /metrics. */
export const API_TOKEN_SCOPES = ["full", "read-only", "metrics"] as const;
export type ApiTokenScopeName = (typeof API_TOKEN_SCOPES)[number];
