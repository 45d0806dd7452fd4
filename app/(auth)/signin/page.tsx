import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { getCurrentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await getCurrentUser()) redirect("/");
  const { callbackUrl } = await searchParams;
  // Only same-site paths: anything else would be an open redirect.
  const target = safeCallbackPath(callbackUrl, env().NEXTAUTH_URL ?? "http://localhost");
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold">BSM Dashboard</h1>
        <p className="mt-1 text-sm text-slate-600">Sign in to see your business services.</p>
        <SignInForm callbackUrl={target} />
      </div>
    </main>
  );
}
