import { describe, expect, it } from "vitest";
import { IN_LIST_LIMIT, countInChunks, inChunks } from "./in-chunks";

describe("inChunks", () => {
  it("asks nothing for an empty list", async () => {
    const asked: number[][] = [];
    expect(await inChunks([], async (chunk: number[]) => (asked.push(chunk), chunk))).toEqual([]);
    expect(asked).toEqual([]);
  });

  it("asks slices of at most the size, in order, and concatenates their rows in that order", async () => {
    const asked: number[][] = [];
    const rows = await inChunks([1, 2, 3, 4, 5, 6, 7], async (chunk) => (asked.push(chunk), chunk.map((item) => item * 10)), 3);
    expect(asked).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(rows).toEqual([10, 20, 30, 40, 50, 60, 70]);
  });

  it("asks one slice after another, never two at once", async () => {
    let running = 0;
    let most = 0;
    await inChunks(Array.from({ length: 10 }, (_, index) => index), async (chunk) => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, 1));
      running--;
      return chunk;
    }, 2);
    expect(most).toBe(1);
  });

  it("keeps a full estate's list under a statement's bind-parameter limit by default", async () => {
    const sizes: number[] = [];
    const rows = await inChunks(Array.from({ length: 50_001 }, (_, index) => index), async (chunk) => (sizes.push(chunk.length), chunk));
    expect(rows).toHaveLength(50_001);
    expect(rows[50_000]).toBe(50_000);
    expect(Math.max(...sizes)).toBe(IN_LIST_LIMIT);
    expect(IN_LIST_LIMIT).toBeLessThan(32_767);
  });

  it("refuses a size that would never finish", async () => {
    await expect(inChunks([1], async (chunk) => chunk, 0)).rejects.toThrow(RangeError);
    await expect(inChunks([1], async (chunk) => chunk, 1.5)).rejects.toThrow(RangeError);
  });
});

describe("countInChunks", () => {
  it("sums the counts of the slices", async () => {
    expect(await countInChunks([1, 2, 3, 4, 5], async (chunk) => chunk.filter((item) => item % 2 === 1).length, 2)).toBe(3);
  });

  it("is 0 for an empty list without asking", async () => {
    let asked = false;
    expect(await countInChunks([], async () => ((asked = true), 1))).toBe(0);
    expect(asked).toBe(false);
  });
});
