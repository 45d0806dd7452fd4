import type { Metadata } from "next";
import Link from "next/link";
import { Refusal } from "@/components/configure/refusal";

export const metadata: Metadata = { title: "Not allowed" };

/**
 * Answered with 403 when a page calls forbidden() (lib/auth/page-guards.ts): the user's role does not
 * allow it. Every such page is inside the dashboard layout, which brings the header and navigation.
 */
export default function Forbidden() {
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold tracking-tight">Not allowed</h1>
      <Refusal>Your role does not allow this page. An administrator can change what your role may see and do.</Refusal>
      <p className="mt-4 text-sm">
        <Link href="/" className="text-sky-700 underline hover:text-sky-900">
          Back to your dashboard
        </Link>
      </p>
    </>
  );
}
