// History beyond the last 24 hours: availability over any window, problem periods, the tree at a moment.
export * from "./figures";
export * from "./read";
