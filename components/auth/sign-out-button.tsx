"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/signin" })}
      className="rounded px-3 py-1.5 text-sm text-slate-200 hover:bg-slate-700 focus:outline-2 focus:outline-white"
    >
      Sign out
    </button>
  );
}
