import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { refuseUnsafePagePost } from "@/lib/api/request-body";

// A fast first gate for pages: no valid session cookie, straight to sign-in. Pages and
// route handlers still check the user themselves (lib/auth/session.ts); this is not the guard.
// POSTs to pages are server actions: cross-site or oversized ones are refused here (4xx JSON).
export async function proxy(request: NextRequest) {
  const refusal = await refuseUnsafePagePost(request);
  if (refusal) return refusal;
  if (request.nextUrl.pathname.startsWith("/signin")) return NextResponse.next();
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  if (token) return NextResponse.next();
  const signIn = new URL("/signin", request.url);
  const path = request.nextUrl.pathname + request.nextUrl.search;
  if (path !== "/") signIn.searchParams.set("callbackUrl", path);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/((?!api/|_next/|favicon.ico).*)"],
};
