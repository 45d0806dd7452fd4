import type { Access } from "../auth/access";

/**
 * The SQL form of access.canSeeHost for paginated tables: true when every host is visible, otherwise a
 * condition on "Host" aliased `h` (a host group or keyword in common), with its JSON parameters.
 */
export function hostVisibilityCondition(access: Access, firstParam: number): { sql: string; params: string[] } {
  const { grants } = access;
  if (!access.has("bsm")) return { sql: "FALSE", params: [] };
  if (grants.isAdmin || grants.viewAll) return { sql: "TRUE", params: [] };
  return {
    sql: `(EXISTS (SELECT 1 FROM jsonb_array_elements_text($${firstParam}::jsonb) g(name) WHERE g.name = ANY(h."hostGroups"))
       OR EXISTS (SELECT 1 FROM jsonb_array_elements_text($${firstParam + 1}::jsonb) k(name) WHERE k.name = ANY(h.keywords)))`,
    params: [JSON.stringify(grants.hostGroups), JSON.stringify(grants.keywords)],
  };
}
