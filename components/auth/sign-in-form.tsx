"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore, type FormEvent } from "react";
import { safeCallbackPath } from "@/lib/auth/callback-url";

const subscribeToNothing = () => () => {};

const SIGN_IN_ERRORS: Record<string, string> = {
  CredentialsSignin: "Wrong e-mail or password.",
  TooManyFailedSignIns: "Too many failed sign-ins from here. Wait a little, then try again.",
};

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  // A sign-in posted before hydration loses its CSRF token; keep the button off until then.
  const hydrated = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    setPending(false);
    if (!result || result.error || !result.ok || result.url?.includes("csrf=true")) {
      setError(SIGN_IN_ERRORS[result?.error ?? ""] ?? "Sign-in failed. Please try again.");
      return;
    }
    router.replace(safeCallbackPath(callbackUrl, window.location.origin));
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4" data-hydrated={hydrated}>
      <label className="block text-sm font-medium">
        E-mail
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          className="mt-1 block w-full rounded border border-slate-300 px-3 py-2 focus:outline-2 focus:outline-blue-600"
        />
      </label>
      <label className="block text-sm font-medium">
        Password
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 block w-full rounded border border-slate-300 px-3 py-2 focus:outline-2 focus:outline-blue-600"
        />
      </label>
      {error && (
        <p role="alert" data-testid="sign-in-error" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={!hydrated || pending}
        className="w-full rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60"
      >
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
