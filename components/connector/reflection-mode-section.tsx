import { requireAccess } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { loadReflectionMode } from "@/lib/connector";
import { updateReflectionModeAction } from "@/lib/actions/export-settings";
import { ReflectionModeForm } from "./reflection-mode-form";

/** The reflection mode setting: administrators change it, everyone else sees it. */
export async function ReflectionModeSection() {
  const { access } = await requireAccess();
  const mode = await loadReflectionMode(getPrisma());
  return (
    <section aria-labelledby="reflection-mode-heading" className="max-w-2xl rounded-lg bg-white p-6 text-sm shadow-sm" data-testid="reflection-mode">
      <h2 id="reflection-mode-heading" className="mb-1 text-lg font-semibold">
        Reflection mode
      </h2>
      <p className="mb-4 text-slate-600">
        What the reflection after each poll does with host elements of hosts whose type changed or that left the source. New hosts get an
        element in every mode when their export is on and their host type is ON.
      </p>
      <ReflectionModeForm mode={mode} canEdit={access.has("administer")} action={updateReflectionModeAction} />
    </section>
  );
}
