/**
 * Interactive transactions that write a whole estate's worth of rows (an import, a reflection, a day of
 * history roll-ups for 50,000 hosts) outlast Prisma's default 5 s on a busy machine; none of them runs
 * inside a user's request path where waiting would hang a page.
 */
export const LONG_TRANSACTION = { maxWait: 30_000, timeout: 120_000 };
