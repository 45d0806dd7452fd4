import NextAuth from "next-auth";
import { withBodyLimit } from "@/lib/api/with-body-limit";
import { authOptions } from "@/lib/auth/options";

const handler = withBodyLimit(NextAuth(authOptions));

export { handler as GET, handler as POST };
