"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { pinDashletAction } from "@/lib/actions/dashboard";
import type { NewDashletInput } from "@/lib/dashboard/dashlet";
import { IDLE, type ActionResult } from "@/lib/errors/action-result";

/** Adds this view to the user's dashboard as a dashlet, at once. */
export function PinButton({ dashlet }: { dashlet: NewDashletInput }) {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult>(IDLE);
  return (
    <div className="flex items-center gap-3">
      {result.status !== "idle" && (
        <span role="status" className={`text-sm ${result.status === "ok" ? "text-emerald-900" : "text-red-900"}`}>
          {result.message}
          {result.status === "ok" && (
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
            setResult(await pinDashletAction(dashlet));
          })
        }
        className="rounded-md bg-blue-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 disabled:opacity-60"
      >
        {pending ? "Pinning…" : "Pin"}
      </button>
    </div>
  );
}
