/**
 * A form field's error, under the field. `id` is for the field's aria-describedby; `path` names the
 * field in the form's errors (data-field-error); `announce` reads the error out as it appears, for
 * forms that have no summary message of their own.
 */
export function FieldError({ message, id, path, announce = false }: { message: string | undefined; id?: string; path?: string; announce?: boolean }) {
  if (!message) return null;
  return (
    <p id={id} role={announce ? "alert" : undefined} data-field-error={path} className="mt-1 text-sm text-red-700">
      {message}
    </p>
  );
}
