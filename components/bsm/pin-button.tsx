"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { pinDashletAction } from "@/app/(dashboard)/dashboard/actions";
import type { NewDashletInput } from "@/lib/dashboard/dashlet";

/** Adds this view to the user's dashboard as a dashlet, at once. */
export function PinButton({ dashlet }: { dashlet: NewDashletInput }) {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  return (
    <div className="flex items-center gap-3">
      {result && (
        <span role="status" className={`text-sm ${result.ok ? "text-emerald-900" : "text-red-900"}`}>
          {result.message}
          {result.ok && (
            <>
              {" "}
              <Link href="/" className="text-blue-800 underline">
                Open dashboard
              </Link>
            </>
          )}
        </span>
      )}
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const outcome = await pinDashletAction(dashlet);
            setResult(outcome.ok ? { ok: true, message: "Pinned to your dashboard." } : { ok: false, message: outcome.error });
          })
        }
        className="rounded-md bg-blue-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 disabled:opacity-60"
      >
        {pending ? "Pinning…" : "Pin"}
      </button>
    </div>
  );
}
