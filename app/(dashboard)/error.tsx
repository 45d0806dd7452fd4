"use client";

import Link from "next/link";
import { useEffect } from "react";

/** A dashboard page failed while rendering (the database or a source not answering, or a bug): say so and offer to try again. */
export default function DashboardError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  // In production the server sends only a digest, which matches the full error in the server's log.
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <section role="alert" aria-labelledby="page-error-heading" data-testid="page-error" className="max-w-xl rounded-lg bg-white p-6 text-sm shadow-sm ring-1 ring-red-600/30">
      <h1 id="page-error-heading" className="mb-2 text-xl font-semibold text-red-900">
        This page could not be shown
      </h1>
      <p className="text-slate-700">
        Something went wrong while loading it. It is often passing (the database or the monitoring source not answering): try again in a moment.
      </p>
      {digest && <p className="mt-2 text-xs text-slate-500">Reference for the server log: {digest}</p>}
      <div className="mt-4 flex items-center gap-4">
        <button
          type="button"
          onClick={retry}
          className="rounded bg-slate-900 px-4 py-1.5 font-medium text-white hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-blue-700"
        >
          Try again
        </button>
        <Link href="/" className="text-sky-700 underline hover:text-sky-900">
          Back to your dashboard
        </Link>
      </div>
    </section>
  );
}
