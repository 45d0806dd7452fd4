"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { StatusBadge } from "@/components/status/status-badge";
import { MAX_QUERY_LENGTH, SEARCH_KINDS, SEARCH_KIND_LABELS, type SearchHit, type SearchResults } from "@/lib/search/search-results";

/**
 * A keystroke within this long of the previous one waits this long (a fast typist's middle
 * keystrokes send no request); the first after a pause is searched at once.
 */
const DEBOUNCE_MS = 40;

async function fetchSearch(q: string, signal: AbortSignal): Promise<SearchResults> {
  const response = await fetch(`/api/search?q=${encodeURIComponent(q)}`, { signal, cache: "no-store" });
  const body = (await response.json().catch(() => null)) as (SearchResults & { error?: string }) | null;
  if (!response.ok || body === null) throw new Error(body?.error ?? `The search failed (the server answered ${response.status})`);
  return body;
}

/** Whether a key press there is typing (so `/` must not steal the focus). */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

function useDebounced(value: string, delay: number): string {
  const [debounced, setDebounced] = useState(value);
  const lastChange = useRef(0);
  useEffect(() => {
    const now = performance.now();
    const typingFast = now - lastChange.current < delay;
    lastChange.current = now;
    const timer = setTimeout(() => setDebounced(value), typingFast ? delay : 0);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

/**
 * The header's search (an ARIA combobox): `/` focuses it, typing lists the services, components,
 * hosts and checks the user may see (GET /api/search), arrows move, Enter opens, Escape closes.
 */
export function GlobalSearch() {
  const router = useRouter();
  const inputRef = useRef<HTMLInputElement>(null);
  const baseId = useId();
  const listboxId = `${baseId}-results`;
  const optionId = (index: number) => `${baseId}-option-${index}`;

  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  // The active option belongs to the results of one query; new results start with none.
  const [active, setActive] = useState<{ query: string; index: number }>({ query: "", index: -1 });
  const q = useDebounced(text.trim(), DEBOUNCE_MS);
  const search = useQuery({
    queryKey: ["search", q],
    // react-query aborts the signal of a request whose query nobody waits for any more (a stale query).
    queryFn: ({ signal }) => fetchSearch(q, signal),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
    retry: false,
  });

  const typed = text.trim();
  const results = typed.length > 0 && !search.isError ? search.data : undefined;
  const hits: SearchHit[] = results ? SEARCH_KINDS.flatMap((kind) => results[kind]) : [];
  // Each group with the index of its first option in `hits` (the options' ids and arrow order).
  const groups = SEARCH_KINDS.map((kind) => ({ kind, first: hits.findIndex((hit) => hit.kind === kind), hits: results?.[kind] ?? [] })).filter(
    (group) => group.hits.length > 0,
  );
  const activeIndex = results && active.query === results.query ? active.index : -1;
  const expanded = open && typed.length > 0;

  useEffect(() => {
    const focusOnSlash = (event: globalThis.KeyboardEvent) => {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      event.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    };
    document.addEventListener("keydown", focusOnSlash);
    return () => document.removeEventListener("keydown", focusOnSlash);
  }, []);

  useEffect(() => {
    if (activeIndex >= 0) document.getElementById(`${baseId}-option-${activeIndex}`)?.scrollIntoView({ block: "nearest" });
  }, [activeIndex, baseId]);

  const openHit = (hit: SearchHit) => {
    setOpen(false);
    setText("");
    inputRef.current?.blur();
    router.push(hit.href);
  };

  const moveActive = (step: 1 | -1) => {
    if (!results || hits.length === 0) return;
    const next = activeIndex === -1 ? (step === 1 ? 0 : hits.length - 1) : (activeIndex + step + hits.length) % hits.length;
    setActive({ query: results.query, index: next });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp":
        event.preventDefault();
        if (!expanded) setOpen(true);
        else moveActive(event.key === "ArrowDown" ? 1 : -1);
        break;
      case "Enter": {
        // Only what is listed for what was typed (not the previous query's list while the new one loads).
        const hit = results?.query === typed ? hits[activeIndex === -1 ? 0 : activeIndex] : undefined;
        if (expanded && hit) {
          event.preventDefault();
          openHit(hit);
        }
        break;
      }
      case "Escape":
        event.preventDefault();
        if (expanded) setOpen(false);
        else setText("");
        break;
    }
  };

  let status: string;
  if (search.isError) status = search.error.message;
  else if (!results || results.query !== typed) status = "Searching…";
  else if (hits.length === 0) status = "No matches you may see";
  else status = `${hits.length} ${hits.length === 1 ? "result" : "results"}`;

  return (
    <div className="relative" data-testid="global-search">
      <label htmlFor={`${baseId}-input`} className="sr-only">
        Search services, components, hosts and checks
      </label>
      <input
        ref={inputRef}
        id={`${baseId}-input`}
        type="search"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listboxId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && activeIndex >= 0 ? optionId(activeIndex) : undefined}
        aria-keyshortcuts="/"
        autoComplete="off"
        spellCheck={false}
        maxLength={MAX_QUERY_LENGTH}
        placeholder="Search  /"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        className="w-32 rounded border border-slate-600 bg-slate-800 px-2.5 py-1 text-sm text-white placeholder:text-slate-400 focus:outline-2 focus:outline-white sm:w-48"
      />
      <div
        hidden={!expanded}
        // Keeps the focus in the input while an option is clicked.
        onMouseDown={(event) => event.preventDefault()}
        // On phones the list spans the screen, just below the box (a fixed box without top stays where it would be).
        className="absolute right-0 top-full z-50 mt-1 w-[min(28rem,calc(100vw-2rem))] overflow-hidden max-sm:fixed max-sm:left-2 max-sm:right-2 max-sm:top-auto max-sm:w-auto rounded-lg bg-white text-slate-900 shadow-lg ring-1 ring-slate-900/10"
      >
        <p role="status" className="border-b border-slate-100 px-3 py-1.5 text-xs text-slate-600" data-testid="global-search-status">
          {expanded ? status : ""}
        </p>
        <div
          id={listboxId}
          role="listbox"
          aria-label="Search results"
          aria-busy={search.isFetching}
          data-query={results?.query ?? ""}
          data-testid="global-search-results"
          className="max-h-[70vh] overflow-y-auto py-1"
        >
          {groups.map((group) => (
            <div key={group.kind} role="group" aria-labelledby={`${baseId}-${group.kind}`}>
              <div id={`${baseId}-${group.kind}`} role="presentation" className="px-3 pb-1 pt-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
                {SEARCH_KIND_LABELS[group.kind]}
              </div>
              {group.hits.map((hit, offset) => {
                const index = group.first + offset;
                const selected = index === activeIndex;
                return (
                  <div
                    key={hit.key}
                    id={optionId(index)}
                    role="option"
                    aria-selected={selected}
                    data-kind={hit.kind}
                    onClick={() => openHit(hit)}
                    onMouseMove={() => results && !selected && setActive({ query: results.query, index })}
                    className={`flex cursor-pointer items-center gap-3 px-3 py-1.5 text-sm ${selected ? "bg-sky-100" : ""}`}
                  >
                    <span className="min-w-0 flex-1">
                      <span className="block truncate font-medium" title={hit.name}>
                        {hit.name}
                      </span>
                      {hit.detail && <span className="block truncate text-xs text-slate-600">{hit.detail}</span>}
                    </span>
                    <span className="shrink-0">
                      <StatusBadge state={hit.state} />
                    </span>
                  </div>
                );
              })}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
