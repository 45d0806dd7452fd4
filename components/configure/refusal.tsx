/** Shown instead of a page the user may not use (the server refused; nothing else was rendered). */
export function Refusal({ children }: { children: string }) {
  return (
    <p role="alert" data-testid="access-refused" className="max-w-xl rounded-lg bg-amber-50 p-4 text-sm text-amber-900 ring-1 ring-amber-600/30">
      {children}
    </p>
  );
}
