import { resultMessage, type ActionResult } from "@/lib/errors/action-result";

/** A failed save or delete: its message, or a pointer to the fields marked below (successes go to the Configure notice). */
export function EditorError({ result }: { result: ActionResult<unknown> }) {
  if (result.status !== "error") return null;
  return (
    <p role="alert" className="text-red-700">
      {resultMessage(result, "Nothing was saved: correct the fields marked above.")}
    </p>
  );
}
