import "next-auth";
import "next-auth/jwt";
import type { SessionClaims } from "./session-user";

declare module "next-auth" {
  interface Session {
    user?: { id?: string; name?: string | null; email?: string | null; image?: string | null };
    /** Checked against the database by lib/auth/session-user.ts findSessionUser. */
    claims?: SessionClaims | null;
  }
  interface User {
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    userId?: string;
    sessionVersion?: number;
  }
}
