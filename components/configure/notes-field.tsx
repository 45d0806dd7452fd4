import { FieldError } from "@/components/ui/field-error";
import { NOTES_MAX } from "@/lib/config/limits";

/** Plain-text notes of a component or business service; the error's id is `<id>-error`. */
export function NotesField({ id, value, onChange, error }: { id: string; value: string; onChange: (value: string) => void; error: string | undefined }) {
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        Notes <span className="font-normal text-slate-500">(plain text, shown in its views and Investigate, and sent with notifications that include notes)</span>
      </label>
      <textarea
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        maxLength={NOTES_MAX}
        rows={4}
        aria-invalid={Boolean(error)}
        aria-describedby={`${id}-error`}
        className="mt-1 w-full max-w-md rounded border border-slate-300 px-2 py-1.5"
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
