import type { Database } from "../../db/client";
import type { LogLine } from "../../log";
import { deliverNotification, pickInheritedEnvironment, type DeliveryOptions, type DeliveryResult, type MethodConfig } from "../methods";
import type { NotificationContext } from "../environment";
import type { OutboundPolicy } from "../outbound-policy";
import { loadOutboundPolicy } from "../outbound-policy-store";
import { DEFAULT_RETRY_POLICY, computeRetryDelay, type RetryPolicy } from "../retry";
import type { DeliveryPayload } from "./delivery-payload";

export const INTERRUPTED_DELIVERY_ERROR = "interrupted by a restart while sending; not tried again, so it is never sent twice";

export interface DeliveryWorkerOptions {
  retryPolicy?: RetryPolicy;
  /** Deliveries run side by side. */
  concurrency?: number;
  now?: () => number;
  deliver?: (method: MethodConfig, context: NotificationContext, options: DeliveryOptions) => Promise<DeliveryResult>;
  log?: LogLine;
}

/**
 * Drains the NotificationDelivery queue in the background: one try per claim, a failed retryable
 * try goes back to the queue for later (so retries survive a restart), at most `maxAttempts` tries.
 * A delivery is claimed (SENDING) before it runs; one found SENDING after a restart is failed, not
 * resent, because it may already have gone out.
 */
export class NotificationDeliveryWorker {
  private running: Promise<void> | null = null;
  private again = false;
  private readonly policy: RetryPolicy;
  private readonly now: () => number;
  private readonly deliver: NonNullable<DeliveryWorkerOptions["deliver"]>;

  constructor(
    private readonly database: Database,
    private readonly options: DeliveryWorkerOptions = {},
  ) {
    this.policy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
    this.now = options.now ?? Date.now;
    this.deliver = options.deliver ?? deliverNotification;
  }

  async recoverInterrupted(): Promise<number> {
    const { count } = await this.database.prisma.notificationDelivery.updateMany({
      where: { status: "SENDING" },
      data: { status: "FAILED", error: INTERRUPTED_DELIVERY_ERROR, updatedAt: new Date(this.now()) },
    });
    return count;
  }

  /** Starts draining unless already draining (then drains once more afterwards). Never rejects. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await this.drain();
        } catch (error) {
          this.options.log?.(`Notification deliveries paused after an error: ${(error as Error).message}`, "error");
        }
      } while (this.again);
    })().finally(() => {
      this.running = null;
    });
  }

  /** Resolves when no drain is running (for tests and shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Delivers everything due now; returns how many deliveries were tried. */
  async drain(): Promise<number> {
    const prisma = this.database.prisma;
    let tried = 0;
    for (;;) {
      const due = await prisma.notificationDelivery.findMany({
        where: { status: "QUEUED", nextAttemptAt: { lte: new Date(this.now()) } },
        orderBy: { id: "asc" },
        take: this.options.concurrency ?? 4,
        select: { id: true },
      });
      if (due.length === 0) return tried;
      // Read before each batch, so an administrator's change applies to the next delivery.
      const outboundPolicy = await loadOutboundPolicy(prisma);
      const claimed = await Promise.all(due.map(({ id }) => this.claim(id)));
      await Promise.all(claimed.map((row) => (row ? this.run(row, outboundPolicy) : undefined)));
      tried += claimed.filter(Boolean).length;
    }
  }

  private async claim(id: bigint): Promise<{ id: bigint; attempts: number; payload: DeliveryPayload } | null> {
    const prisma = this.database.prisma;
    const { count } = await prisma.notificationDelivery.updateMany({
      where: { id, status: "QUEUED" },
      data: { status: "SENDING", attempts: { increment: 1 }, updatedAt: new Date(this.now()) },
    });
    if (count !== 1) return null;
    const row = await prisma.notificationDelivery.findUniqueOrThrow({ where: { id }, select: { id: true, attempts: true, payload: true } });
    return { id: row.id, attempts: row.attempts, payload: row.payload as unknown as DeliveryPayload };
  }

  private async run(row: { id: bigint; attempts: number; payload: DeliveryPayload }, outboundPolicy: OutboundPolicy): Promise<void> {
    const result = await this.deliver(row.payload.method, row.payload.context, {
      retryPolicy: { ...this.policy, maxAttempts: 1 },
      outboundPolicy,
      inheritedEnvironment: pickInheritedEnvironment(process.env),
    });
    const last = result.history.at(-1);
    const delay = result.status === "ok" || !last ? null : computeRetryDelay(this.policy, row.attempts, last);
    const status = result.status === "ok" ? "SENT" : delay === null ? "FAILED" : "QUEUED";
    await this.database.prisma.notificationDelivery.update({
      where: { id: row.id },
      data: {
        status,
        nextAttemptAt: new Date(this.now() + (delay ?? 0)),
        exitCode: result.exitCode,
        output: withoutNul(result.output),
        errorOutput: withoutNul(result.errorOutput),
        error: result.error === null ? null : withoutNul(result.error),
        updatedAt: new Date(this.now()),
      },
    });
  }
}

/** PostgreSQL text cannot hold NUL; a script's output may. */
function withoutNul(text: string): string {
  return text.replaceAll("\u0000", "\uFFFD");
}
