import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getPrisma } from "../db";
import { env } from "../env";
import { authenticateUser } from "../users/authenticate";
import { signInLimits } from "./rate-limit";

const credentialsInput = z.object({ email: z.string().min(1), password: z.string().min(1) });

function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  return first || "unknown-client";
}

// JWT sessions signed with a persistent secret: they survive a server restart without a session table.
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
        if (!parsed.success) return null;
        const limits = signInLimits();
        const now = Date.now();
        const emailKey = parsed.data.email.trim().toLowerCase();
        const clientKey = clientAddress(request?.headers);
        // Checked before the password, so a blocked account costs no hashing and reveals nothing.
        if (limits.byEmail.isBlocked(emailKey, now) || limits.byClient.isBlocked(clientKey, now)) {
          throw new Error("TooManyFailedSignIns");
        }
        const user = await authenticateUser(getPrisma(), parsed.data.email, parsed.data.password);
        if (!user) {
          limits.byEmail.recordFailure(emailKey, now);
          limits.byClient.recordFailure(clientKey, now);
          return null;
        }
        limits.byEmail.reset(emailKey);
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.userId = user.id;
      return token;
    },
    session({ session, token }) {
      if (session.user && typeof token.userId === "string") session.user.id = token.userId;
      return session;
    },
  },
};
