/** The longest notes a business service or component may carry (the editors' textarea enforces it too). */
export const NOTES_MAX = 2000;
