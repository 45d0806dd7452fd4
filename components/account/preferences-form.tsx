"use client";

import { useState, useTransition } from "react";
import { usePreferences } from "@/components/layout/preferences-provider";
import { ActionMessage } from "@/components/connector/action-message";
import { FieldError } from "@/components/ui/field-error";
import { formatDateTime } from "@/components/ui/format-time";
import { useNow, useTimeZone } from "@/components/ui/time";
import { THEMES, type Theme } from "@/lib/users/preferences";
import type { ActionResult } from "@/lib/errors/action-result";

const THEME_LABELS: Record<Theme, string> = { system: "System (follow this device)", light: "Light", dark: "Dark" };

/** Theme and time zone, saved on the user; `zones` are the IANA zones the server accepts. */
export function PreferencesForm({ zones }: { zones: readonly string[] }) {
  const { preferences, save } = usePreferences();
  const [pending, startTransition] = useTransition();
  const [theme, setTheme] = useState<Theme>(preferences.theme);
  const [timeZone, setTimeZone] = useState(preferences.timeZone ?? "");
  const [result, setResult] = useState<ActionResult>({ status: "idle" });
  const fieldErrors = result.status === "error" ? (result.fieldErrors ?? {}) : {};
  return (
    <section aria-labelledby="preferences-heading" className="mb-6 max-w-3xl space-y-3 rounded-lg bg-white p-6 text-sm shadow-sm">
      <h2 id="preferences-heading" className="text-lg font-semibold">
        Appearance and time
      </h2>
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          startTransition(async () => setResult(await save({ theme, timeZone: timeZone === "" ? null : timeZone })));
        }}
      >
        <fieldset>
          <legend className="font-medium">Theme</legend>
          <div className="mt-1 flex flex-wrap gap-4">
            {THEMES.map((choice) => (
              <label key={choice} className="flex items-center gap-1.5">
                <input type="radio" name="theme" value={choice} checked={theme === choice} onChange={() => setTheme(choice)} />
                {THEME_LABELS[choice]}
              </label>
            ))}
          </div>
          <FieldError message={fieldErrors.theme} />
        </fieldset>
        <div>
          <label htmlFor="preferences-time-zone" className="block font-medium">
            Time zone
          </label>
          <select
            id="preferences-time-zone"
            value={timeZone}
            aria-invalid={fieldErrors.timeZone ? true : undefined}
            aria-describedby={fieldErrors.timeZone ? "preferences-time-zone-error" : "preferences-time-zone-hint"}
            onChange={(event) => setTimeZone(event.target.value)}
            className="mt-1 w-72 rounded border border-slate-400 bg-white px-2 py-1.5"
          >
            <option value="">Browser default</option>
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll("_", " ")}
              </option>
            ))}
          </select>
          <p id="preferences-time-zone-hint" className="mt-1 text-slate-600">
            Every date and time is shown in this zone. Now: <CurrentTime />
          </p>
          <FieldError id="preferences-time-zone-error" message={fieldErrors.timeZone} />
        </div>
        <button type="submit" disabled={pending} className="rounded bg-slate-900 px-4 py-1.5 font-medium text-white hover:bg-slate-700 disabled:opacity-50">
          Save
        </button>
        <ActionMessage result={result} />
      </form>
    </section>
  );
}

function CurrentTime() {
  const zone = useTimeZone();
  const now = useNow();
  return (
    <span data-testid="current-time" suppressHydrationWarning>
      {formatDateTime(now, zone)}
    </span>
  );
}
