/** `?kiosk` turns a page into its wall-screen view; `rotate` sets the seconds between pages. */
export const KIOSK_PARAM = "kiosk";
const ROTATE_PARAM = "rotate";
export const DEFAULT_ROTATE_SECONDS = 20;
const ROTATE_LIMITS = { min: 3, max: 3600 } as const;

export function isKiosk(params: { has(name: string): boolean }): boolean {
  return params.has(KIOSK_PARAM);
}

/** Seconds between wall-screen pages: `rotate` when it is a whole number within limits, else the default. */
export function rotateSeconds(params: { get(name: string): string | null }): number {
  const value = Number(params.get(ROTATE_PARAM));
  return Number.isInteger(value) && value >= ROTATE_LIMITS.min && value <= ROTATE_LIMITS.max ? value : DEFAULT_ROTATE_SECONDS;
}

/** The same page with the wall-screen view on or off, its other options kept. */
export function kioskHref(pathname: string, params: URLSearchParams | { toString(): string }, on: boolean): string {
  const next = new URLSearchParams(params.toString());
  if (on) next.set(KIOSK_PARAM, "");
  else {
    next.delete(KIOSK_PARAM);
    next.delete(ROTATE_PARAM);
  }
  // `kiosk=` reads better without its empty value.
  const query = next.toString().replace(/(^|&)kiosk=(?=&|$)/, "$1kiosk");
  return query ? `${pathname}?${query}` : pathname;
}
