"use client";

import { useEffect, useState } from "react";

/** The page shown, moving on to the next (and round to the first) every `seconds`; 0 while there is one page. */
export function useRotatingPage(pages: number, seconds: number): number {
  const [page, setPage] = useState(0);
  useEffect(() => {
    if (pages <= 1) return;
    const timer = setInterval(() => setPage((current) => (current + 1) % pages), seconds * 1000);
    return () => clearInterval(timer);
  }, [pages, seconds]);
  return Math.min(page, pages - 1);
}
