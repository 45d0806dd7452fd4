/**
 * Interactive transactions that may write an estate's worth of rows (an import, a reflection, a review of
 * membership changes, a day of history roll-ups for 50,000 hosts) outlast Prisma's default 5 s on a busy
 * machine. Some run in a user's request: waiting longer there is better than failing half-way.
 */
export const LONG_TRANSACTION = { maxWait: 30_000, timeout: 120_000 };
