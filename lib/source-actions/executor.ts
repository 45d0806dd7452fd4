import type { Prisma, PrismaClient, SourceAction } from "@prisma/client";
import { recordAudit } from "../audit/record-audit";
import type { LogLine } from "../log";
import { SourceCommandError, SourceUnavailableError, type MonitoringSource, type SourceCommand } from "../sources/types";
import { confirmation, type StoredCheckState } from "./confirm";
import { userMessage } from "./message";
import { describeTargets, targetsOf, toSourceActionView } from "./request";
import { readOnlyReason } from "./source-kinds";
import { onSourceActionRequested } from "./wake";

export const CONFIRM_TIMEOUT_MS = 2 * 60_000;
/** A pending action older than this was never sent (no poller ran): it fails rather than surprise anyone later. */
export const SEND_TIMEOUT_MS = 10 * 60_000;
const TICK_MS = 1_000;

export interface SourceActionExecutorOptions {
  prisma: PrismaClient;
  source: MonitoringSource;
  log: LogLine;
  now?: () => number;
  confirmTimeoutMs?: number;
  /** After a command was sent: the poller reads early, so the result shows sooner. */
  onSent?: () => void;
}

type ActionRow = SourceAction & { user: { email: string } | null };

/**
 * Sends pending actions to the source and confirms sent ones from the stored check state (what
 * the polls and streams wrote); fails them with the source's message, or when the effect does not
 * show within the time limit. Runs only in the leading poller (run-poller.ts); the table is the queue.
 */
export class SourceActionExecutor {
  private readonly now: () => number;
  private readonly confirmTimeoutMs: number;

  constructor(private readonly options: SourceActionExecutorOptions) {
    this.now = options.now ?? Date.now;
    this.confirmTimeoutMs = options.confirmTimeoutMs ?? CONFIRM_TIMEOUT_MS;
  }

  /** One round: send what is pending, then confirm or time out what was sent. */
  async tick(): Promise<void> {
    await this.sendPending();
    await this.confirmSent();
  }

  /**
   * The simulated source forgets everything on a restart: the actions still in force (downtime not
   * ended, acknowledgements of the last day not expired) are applied again, in order, quietly.
   */
  async replay(): Promise<void> {
    const { prisma, source } = this.options;
    if (source.kind !== "simulated" || !source.execute) return;
    const now = new Date(this.now());
    const rows = await prisma.sourceAction.findMany({
      where: {
        status: "confirmed",
        sourceKind: source.kind,
        OR: [
          { kind: "downtime", endAt: { gt: now } },
          { kind: { not: "downtime" }, createdAt: { gt: new Date(now.getTime() - 24 * 60 * 60_000) }, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
        ],
      },
      orderBy: { id: "asc" },
      include: { user: { select: { email: true } } },
    });
    for (const row of rows) {
      await source.execute(commandOf(row)).catch(() => undefined);
    }
    if (rows.length > 0) this.options.log(`Applied ${rows.length} earlier action(s) to the simulated estate again`);
  }

  private async sendPending(): Promise<void> {
    const { prisma, source, log } = this.options;
    const rows = await prisma.sourceAction.findMany({ where: { status: "pending" }, orderBy: { id: "asc" }, take: 50, include: { user: { select: { email: true } } } });
    for (const row of rows) {
      const now = this.now();
      if (now - row.createdAt.getTime() > SEND_TIMEOUT_MS) {
        await this.finish(row, "failed", "Not sent: no poller was running to send it in time.");
        continue;
      }
      if (row.sourceKind !== source.kind) {
        await this.finish(row, "failed", `Not sent: the monitoring source changed to ${source.kind}.`);
        continue;
      }
      if (!source.execute) {
        // A kind that takes commands but cannot be used now (unusable settings) keeps the action pending, up to SEND_TIMEOUT_MS.
        if (readOnlyReason(source.kind) !== null) await this.finish(row, "failed", readOnlyReason(source.kind)!);
        continue;
      }
      try {
        const answer = await source.execute(commandOf(row));
        const message = userMessage(answer.message ?? "Sent; waiting for the source to show it.");
        await prisma.$transaction(async (tx) => {
          await tx.sourceAction.update({ where: { id: row.id }, data: { status: "sent", sentAt: new Date(this.now()), message } });
          await audit(tx, row, "sent", message);
        });
        this.options.onSent?.();
      } catch (error) {
        const text = userMessage(error instanceof Error ? error.message : String(error));
        if (error instanceof SourceCommandError) {
          await this.finish(row, "failed", `The source refused it: ${text}`);
        } else {
          if (!(error instanceof SourceUnavailableError)) log(`Source action ${row.id} failed: ${text}`, "error");
          await this.finish(row, "failed", `Not sent: ${text}`);
        }
      }
    }
  }

  private async confirmSent(): Promise<void> {
    const { prisma } = this.options;
    const rows = await prisma.sourceAction.findMany({ where: { status: "sent" }, orderBy: { id: "asc" }, take: 200, include: { user: { select: { email: true } } } });
    if (rows.length === 0) return;
    const hostNames = [...new Set(rows.flatMap((row) => targetsOf(row).map((target) => target.host)))];
    const hosts = await prisma.host.findMany({
      where: { name: { in: hostNames }, removedAt: null },
      select: { name: true, serviceChecks: { select: { name: true, state: true, acknowledged: true, inDowntime: true } } },
    });
    const checksByHost = new Map<string, StoredCheckState[]>(hosts.map((host) => [host.name, host.serviceChecks]));
    const now = this.now();
    for (const row of rows) {
      const result = confirmation(row.kind as SourceCommand["kind"], targetsOf(row), checksByHost);
      if (result.done) {
        await this.finish(row, "confirmed", "Confirmed: the source shows it.");
        continue;
      }
      // A downtime that starts later can show only once it has started.
      const from = Math.max(row.sentAt?.getTime() ?? row.updatedAt.getTime(), row.startAt?.getTime() ?? 0);
      if (now - from > this.confirmTimeoutMs) {
        await this.finish(row, "failed", `Not confirmed within ${Math.round(this.confirmTimeoutMs / 60_000)} minutes: the source does not show it on ${result.waitingFor}.`);
      }
    }
  }

  private async finish(row: ActionRow, status: "confirmed" | "failed", message: string): Promise<void> {
    await this.options.prisma.$transaction(async (tx) => {
      const changed = await tx.sourceAction.updateMany({
        where: { id: row.id, status: row.status },
        data: { status, message, ...(status === "confirmed" ? { confirmedAt: new Date(this.now()) } : {}) },
      });
      if (changed.count === 1) await audit(tx, row, status, message);
    });
  }
}

function commandOf(row: ActionRow): SourceCommand {
  return {
    kind: row.kind as SourceCommand["kind"],
    targets: targetsOf(row),
    comment: row.comment,
    author: row.user ? `${row.userName} (${row.user.email})` : row.userName,
    sticky: row.sticky ?? false,
    expiresAt: row.expiresAt?.getTime() ?? null,
    startAt: row.startAt?.getTime() ?? null,
    endAt: row.endAt?.getTime() ?? null,
  };
}

async function audit(tx: Prisma.TransactionClient, row: ActionRow, outcome: "sent" | "confirmed" | "failed", message: string): Promise<void> {
  const actor = row.userId !== null && row.user ? { id: row.userId, email: row.user.email } : { id: null, email: row.userName };
  const view = toSourceActionView(row);
  await recordAudit(tx, actor, {
    action: `source-action.${outcome}`,
    target: `source-action:${row.id}`,
    detail: { kind: view.kind, targets: describeTargets(view.targets), sourceKind: row.sourceKind, answer: message },
  });
}

export interface RunningExecutor {
  /** Runs a round soon (after a poll cycle, or when an action was requested in this process). */
  wake(): void;
  stop(): Promise<void>;
}

/** Replays (simulated), then ticks every second or when woken, until stopped. */
export function startSourceActionExecutor(options: SourceActionExecutorOptions): RunningExecutor {
  const executor = new SourceActionExecutor(options);
  let stopped = false;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let resolveSleep: (() => void) | undefined;
  const wake = () => {
    again = true;
    if (timer) clearTimeout(timer);
    resolveSleep?.();
  };
  const stopListening = onSourceActionRequested(wake);
  const loop = (async () => {
    try {
      await executor.replay();
    } catch (error) {
      options.log(`Could not replay earlier actions: ${(error as Error).message}`, "warn");
    }
    // The same failure every second (the database away) is logged once, until it changes or clears.
    let lastError: string | null = null;
    while (!stopped) {
      again = false;
      try {
        await executor.tick();
        lastError = null;
      } catch (error) {
        const message = (error as Error).message;
        if (message !== lastError) options.log(`Source actions: ${message}`, "error");
        lastError = message;
      }
      if (stopped) break;
      if (!again) {
        await new Promise<void>((resolve) => {
          resolveSleep = resolve;
          timer = setTimeout(resolve, TICK_MS);
        });
      }
    }
  })();
  return {
    wake,
    async stop() {
      stopped = true;
      stopListening();
      wake();
      await loop;
    },
  };
}
