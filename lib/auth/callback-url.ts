/**
 * Where to go after sign-in: a path on this site, or "/". The value is parsed as a URL against
 * the site's own base (as a browser would parse it, backslashes, tabs and all) and accepted only
 * when the origin is the site's; a prefix check cannot tell "/\evil.example" from "/evil".
 */
export function safeCallbackPath(value: string | null | undefined, base: string): string {
  if (!value) return "/";
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return "/";
  }
  if (url.origin !== new URL(base).origin) return "/";
  // "//host" would be protocol-relative when used as a link; one leading slash only.
  return url.pathname.replace(/^\/+/, "/") + url.search + url.hash;
}
