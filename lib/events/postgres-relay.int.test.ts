import { describe, expect, it } from "vitest";
import { freshDatabaseOpener } from "@/tests/support/databases";
import { subscribeToLiveEvents, type LiveEvent, type LiveObjectChange } from "./live-events";
import { notifyLiveEvent, startPostgresEventRelay, toNotifyPayloads } from "./postgres-relay";

function change(index: number): LiveObjectChange {
  return { objectType: "COMPONENT_HOST", objectKey: `${index}:host-with-a-long-name-${index}`, state: "FAILED", acknowledged: false, impacted: false };
}

describe("live events between processes over PostgreSQL", () => {
  const freshDatabase = freshDatabaseOpener("postgres", { migrate: false });

  it("delivers what one connection NOTIFYs to the subscribers of a listening relay, large events split", async () => {
    const database = await freshDatabase();
    if (database.target.kind !== "postgres") throw new Error("expected PostgreSQL");
    const relay = startPostgresEventRelay(database.target.url);
    const received: LiveEvent[] = [];
    const unsubscribe = subscribeToLiveEvents((event) => received.push(event));
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const big: LiveEvent = { type: "bsm", at: 1, changes: Array.from({ length: 400 }, (_, index) => change(index)) };
      expect(toNotifyPayloads(big).length).toBeGreaterThan(1);
      await database.withConnection((connection) => notifyLiveEvent(connection, big));
      await database.withConnection((connection) =>
        notifyLiveEvent(connection, { type: "poll", at: 2, ok: false, staleSince: 2, message: "down" }),
      );
      await expect.poll(() => received.length, { timeout: 5000 }).toBe(toNotifyPayloads(big).length + 1);
      const changes = received.flatMap((event) => (event.type === "bsm" ? event.changes : []));
      expect(changes).toEqual(big.changes);
      expect(received.at(-1)).toEqual({ type: "poll", at: 2, ok: false, staleSince: 2, message: "down" });
    } finally {
      unsubscribe();
      await relay.stop();
    }
  });
});
