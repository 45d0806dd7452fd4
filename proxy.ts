import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { refuseMalformedPath, refuseUnsafePagePost } from "@/lib/api/request-body";

// A fast first gate for pages: no valid session cookie, straight to sign-in. Pages and
// route handlers still check the user themselves (lib/auth/session.ts); this is not the guard.
// POSTs to pages are server actions: cross-site or oversized ones are refused here (4xx JSON).
// Paths that are not valid URL encoding are 404 here, API routes included.
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const malformed = refuseMalformedPath(pathname);
  if (malformed) return malformed;
  // /metrics decides its own access (lib/metrics/access.ts): Prometheus never signs in.
  if (pathname.startsWith("/api/") || pathname === "/metrics") return NextResponse.next();
  const refusal = await refuseUnsafePagePost(request);
  if (refusal) return refusal;
  if (pathname.startsWith("/signin")) return NextResponse.next();
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  if (token) return NextResponse.next();
  const signIn = new URL("/signin", request.url);
  const path = request.nextUrl.pathname + request.nextUrl.search;
  if (path !== "/") signIn.searchParams.set("callbackUrl", path);
  return NextResponse.redirect(signIn);
}

// The icons and the web manifest in public/ are asked for before anyone signs in (the sign-in page's tab).
export const config = {
  matcher: ["/((?!_next/|favicon\\.ico|icon\\.svg|icon-192\\.png|icon-512\\.png|apple-touch-icon\\.png|manifest\\.webmanifest).*)"],
};
