import "server-only";
import { forbidden, notFound } from "next/navigation";
import { isStorableText, parseIdSegment } from "../validation/fields";
import type { Capability } from "./access";
import { requireAccess } from "./session";

// Refusals for pages, each one function: a page that may not be shown answers 403 (app/forbidden.tsx)
// and one whose object does not exist, or is malformed, 404 (app/not-found.tsx), never a 200 refusal.

/** The signed-in user and their access; a 403 page when they lack the capability. */
export async function requirePageCapability(capability: Capability): Promise<Awaited<ReturnType<typeof requireAccess>>> {
  const context = await requireAccess();
  if (!context.access.has(capability)) forbidden();
  return context;
}

/** The id in a path segment (a whole number from 1 to the database's integer maximum); a 404 page otherwise. */
export function pageIdOrNotFound(segment: string): number {
  const id = parseIdSegment(segment);
  if (id === null) notFound();
  return id;
}

/** A path segment decoded as text the database can hold; a 404 page when it is malformed (%FF, %00). */
export function pageTextOrNotFound(segment: string): string {
  const text = decodeSegment(segment);
  if (text === null || !isStorableText(text)) notFound();
  return text;
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
