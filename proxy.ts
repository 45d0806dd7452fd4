import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";

// A fast first gate for pages: no valid session cookie, straight to sign-in. Pages and
// route handlers still check the user themselves (lib/auth/session.ts); this is not the guard.
export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  if (token) return NextResponse.next();
  const signIn = new URL("/signin", request.url);
  const path = request.nextUrl.pathname + request.nextUrl.search;
  if (path !== "/") signIn.searchParams.set("callbackUrl", path);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/((?!signin|api/|_next/|favicon.ico).*)"],
};
