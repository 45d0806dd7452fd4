"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { useNow, useTimeZone } from "@/components/ui/time";
import { RANGE_LABELS, rangeQueryOf, type RangeChoice, type RangeQuery } from "@/lib/status/history-range";
import { RANGE_PRESETS } from "@/lib/time/calendar";
import { epochOfWallTime, wallTimeOf } from "@/lib/time/wall-time";

const RANGE_KEYS = ["range", "from", "to"] as const;

/** The range as a query string ("" for the default), read from and written to the page's URL, or kept locally (a dashlet). */
export function useRangeQuery(inUrl: boolean): [string, (query: string) => void] {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const [local, setLocal] = useState("");
  if (!inUrl) return [local, setLocal];
  const own = new URLSearchParams();
  for (const key of RANGE_KEYS) {
    const value = searchParams.get(key);
    if (value !== null) own.set(key, value);
  }
  const setInUrl = (query: string) => {
    const next = new URLSearchParams(searchParams.toString());
    for (const key of RANGE_KEYS) next.delete(key);
    for (const [key, value] of new URLSearchParams(query)) next.set(key, value);
    const text = next.toString();
    router.replace(text ? `${pathname}?${text}` : pathname, { scroll: false });
  };
  return [own.toString(), setInUrl];
}

export function rangeQueryFields(query: string): RangeQuery {
  const params = new URLSearchParams(query);
  return { range: params.get("range"), from: params.get("from"), to: params.get("to") };
}

const BUTTON = "rounded-md border px-2 py-1 text-xs font-medium focus-visible:outline-2 focus-visible:outline-blue-600";
const IDLE = "border-slate-300 bg-white text-slate-800 hover:bg-slate-100";
const CHOSEN = "border-blue-700 bg-blue-700 text-white";

/** Presets and a custom from–to (datetime fields in the user's time zone). */
export function RangePicker({ choice, onChange }: { choice: RangeChoice | null; onChange: (query: string) => void }) {
  const zone = useTimeZone();
  const [customOpen, setCustomOpen] = useState(choice?.kind === "custom");
  const [problem, setProblem] = useState<string | null>(null);
  const formId = useId();
  const now = useNow(60_000);
  const initialFrom = choice?.kind === "custom" ? choice.from : now - 7 * 86_400_000;
  const initialTo = choice?.kind === "custom" ? choice.to : now;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const from = epochOfWallTime(String(data.get("from") ?? ""), zone);
    const to = epochOfWallTime(String(data.get("to") ?? ""), zone);
    if (from === null || to === null) return setProblem("Give both a start and an end date and time.");
    if (from >= to) return setProblem("The end must be after the start.");
    setProblem(null);
    onChange(rangeQueryOf({ kind: "custom", from, to }));
  };

  return (
    <div className="space-y-2" data-testid="range-picker">
      <div role="group" aria-label="Time range" className="flex flex-wrap gap-1">
        {RANGE_PRESETS.map((preset) => {
          const chosen = choice?.kind === "preset" && choice.preset === preset;
          return (
            <button
              key={preset}
              type="button"
              aria-pressed={chosen}
              className={`${BUTTON} ${chosen ? CHOSEN : IDLE}`}
              onClick={() => {
                setCustomOpen(false);
                onChange(rangeQueryOf({ kind: "preset", preset }));
              }}
            >
              {RANGE_LABELS[preset]}
            </button>
          );
        })}
        <button
          type="button"
          aria-pressed={choice?.kind === "custom"}
          aria-expanded={customOpen}
          aria-controls={formId}
          className={`${BUTTON} ${choice?.kind === "custom" ? CHOSEN : IDLE}`}
          onClick={() => setCustomOpen((open) => !open)}
        >
          Custom…
        </button>
      </div>
      {customOpen && (
        <form id={formId} onSubmit={submit} className="flex flex-wrap items-end gap-2 text-xs" aria-label="Custom range">
          <label className="flex flex-col gap-0.5 text-slate-700">
            From
            <input name="from" type="datetime-local" defaultValue={wallTimeOf(initialFrom, zone)} className="rounded border border-slate-300 bg-white px-1 py-0.5 text-slate-900" />
          </label>
          <label className="flex flex-col gap-0.5 text-slate-700">
            To
            <input name="to" type="datetime-local" defaultValue={wallTimeOf(initialTo, zone)} className="rounded border border-slate-300 bg-white px-1 py-0.5 text-slate-900" />
          </label>
          <button type="submit" className={`${BUTTON} ${IDLE}`}>
            Show
          </button>
          <span className="text-slate-600">Times in {zone}</span>
          {problem && (
            <p role="alert" className="w-full text-red-800">
              {problem}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
