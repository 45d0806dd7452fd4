import "server-only";
import { decode, encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { authOptions } from "./options";

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

/**
 * After a change that ended all of the signed-in user's sessions (their own password change),
 * re-issues this browser's session cookie at the new session version, so only the other sessions
 * end. For server actions only (they may set cookies).
 */
export async function renewOwnSession(userId: string, sessionVersion: number): Promise<void> {
  const jar = await cookies();
  const name = SESSION_COOKIES.find((candidate) => jar.has(candidate));
  const secret = authOptions.secret;
  if (!name || !secret) return;
  const token = await decode({ token: jar.get(name)!.value, secret });
  if (!token || token.userId !== userId) return;
  const maxAge = authOptions.session!.maxAge!;
  jar.set(name, await encode({ token: { ...token, sessionVersion }, secret, maxAge }), {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: name.startsWith("__Secure-"),
    maxAge,
  });
}
