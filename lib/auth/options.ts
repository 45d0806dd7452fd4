import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getPrisma } from "../db";
import { env } from "../env";
import { appMetrics } from "../metrics/app-metrics";
import { authenticateUser } from "../users/authenticate";
import { safeCallbackPath } from "./callback-url";
import { clientAddressFromHeaders, parseTrustedProxies, type TrustedProxies } from "./client-address";
import { signInThrottle } from "./rate-limit";
import { endSessions, sessionClaimsOf } from "./session-user";

const credentialsInput = z.object({ email: z.string().min(1), password: z.string().min(1) });

let trustedProxies: TrustedProxies | undefined;
function trusted(): TrustedProxies {
  trustedProxies ??= parseTrustedProxies(env().BSM_TRUSTED_PROXIES);
  return trustedProxies;
}

/** A refused sign-in, counted (bsm_sign_in_failures_total). */
function refuseSignIn(): null {
  appMetrics().signInFailures.inc();
  return null;
}

// JWT sessions signed with a persistent secret: they survive a server restart without a session table.
// Each carries the user's session version; lib/auth/session-user.ts compares it with the database.
export const authOptions: NextAuthOptions = {
  // A getter, so that `next build` (which imports this module) needs no secret.
  get secret() {
    return env().NEXTAUTH_SECRET;
  },
  // Cookies are Secure and __Secure- prefixed when NEXTAUTH_URL is https (next-auth's default, kept).
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "E-mail and password",
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = credentialsInput.safeParse(raw);
        if (!parsed.success) return refuseSignIn();
        const throttle = signInThrottle();
        const account = parsed.data.email.trim().toLowerCase();
        const client = clientAddressFromHeaders(request?.headers, trusted());
        // Checked before the password, so a throttled attempt costs no hashing and reveals nothing.
        if (throttle.waitMs(account, client, Date.now()) > 0) {
          appMetrics().signInFailures.inc();
          throw new Error("TooManyFailedSignIns");
        }
        const user = await authenticateUser(getPrisma(), parsed.data.email, parsed.data.password);
        if (!user) {
          throttle.recordFailure(account, client, Date.now());
          return refuseSignIn();
        }
        throttle.recordSuccess(account, client);
        return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.userId = user.id;
        token.sessionVersion = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && typeof token.userId === "string") session.user.id = token.userId;
      session.claims = sessionClaimsOf(token);
      return session;
    },
    redirect({ url, baseUrl }) {
      return new URL(safeCallbackPath(url, baseUrl), baseUrl).toString();
    },
  },
  events: {
    // Signing out ends every session of the user, so a copied cookie stops working too.
    async signOut({ token }) {
      const claims = sessionClaimsOf(token);
      if (claims) await endSessions(getPrisma(), claims.userId, claims.sessionVersion);
    },
  },
};
