/** A business service's or component's notes as typed: plain text with its line breaks and spaces, never HTML. */
export function ObjectNotes({ notes, className = "" }: { notes: string | null; className?: string }) {
  if (notes === null || notes.trim() === "") return null;
  return (
    <section aria-label="Notes" data-testid="object-notes" className={`rounded-lg border border-slate-200 bg-white p-3 shadow-sm ${className}`}>
      <h2 className="mb-1 text-sm font-semibold">Notes</h2>
      <p className="text-sm break-words whitespace-pre-wrap text-slate-800">{notes}</p>
    </section>
  );
}
