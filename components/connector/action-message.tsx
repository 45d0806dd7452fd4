import type { ActionResult } from "@/lib/errors/action-result";

/** The outcome of a form's server action, read out to screen readers. */
export function ActionMessage({ result, className = "" }: { result: ActionResult<unknown>; className?: string }) {
  if (result.status === "idle") return null;
  const tone = result.status === "ok" ? "text-emerald-800" : "text-red-700";
  return (
    <p role={result.status === "error" ? "alert" : "status"} className={`${tone} ${className}`}>
      {result.message}
    </p>
  );
}
