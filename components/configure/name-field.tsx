import { FieldError } from "@/components/ui/field-error";

/** The name of the object an editor makes or changes, with its error; the error's id is `<id>-error`. */
export function NameField({ id, value, onChange, error }: { id: string; value: string; onChange: (value: string) => void; error: string | undefined }) {
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        Name
      </label>
      <input
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={Boolean(error)}
        aria-describedby={`${id}-error`}
        className="mt-1 w-full max-w-md rounded border border-slate-300 px-2 py-1.5"
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
