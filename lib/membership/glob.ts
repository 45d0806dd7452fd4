// Rules: docs/membership-rules.md §1.2 (name patterns).

/**
 * Whether a host name matches a glob: `*` any run of characters (also none), `?` exactly one, any
 * other character itself, case-sensitive, over the whole name. Matched by a linear scan with one
 * backtrack point (no regular expression), so no pattern can make it slow.
 */
export function globMatches(pattern: string, name: string): boolean {
  const p = [...pattern];
  const n = [...name];
  let pi = 0;
  let ni = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (ni < n.length) {
    if (pi < p.length && (p[pi] === "?" || (p[pi] !== "*" && p[pi] === n[ni]))) {
      pi += 1;
      ni += 1;
    } else if (pi < p.length && p[pi] === "*") {
      starAt = pi;
      resumeAt = ni;
      pi += 1;
    } else if (starAt !== -1) {
      pi = starAt + 1;
      resumeAt += 1;
      ni = resumeAt;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === "*") pi += 1;
  return pi === p.length;
}
