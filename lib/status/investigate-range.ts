import type { PrismaClient } from "@prisma/client";
import type { Access } from "../auth/access";
import { ValidationError } from "../errors/app-error";
import { availabilityOver, bucketedAvailability, excludedIntervalsOver, type WindowFigures } from "../history";
import { bucketSizeFor, bucketsFor, type BucketSize, type Interval } from "../time/calendar";
import { canSeeObject, objectRefKey } from "./bsm-object";
import { parseRangeQuery, type RangeQuery } from "./history-range";
import { storedObjectOf, type InvestigateTarget } from "./investigate-target";

export interface RangeBucket extends Interval {
  /** Null when the whole bucket lies before the object existed (drawn as "no data", not as 100 %). */
  availability: number | null;
  failedMs: number;
  downtimeMs: number;
  excludedMs: number;
}

/** Investigate over a chosen range: the figures for the whole range and per bucket, and the excluded periods. */
export interface InvestigateRangeView extends Interval {
  bucketSize: BucketSize;
  figures: WindowFigures;
  buckets: RangeBucket[];
  excluded: Interval[];
}

export function bucketOf(figures: WindowFigures): RangeBucket {
  const length = figures.to - figures.from;
  return {
    from: figures.from,
    to: figures.to,
    availability: length > 0 && figures.noDataMs >= length ? null : figures.availability,
    failedMs: figures.failedMs,
    downtimeMs: figures.downtimeMs,
    excludedMs: figures.excludedMs,
  };
}

/**
 * One object's history over the range a URL names (parseRangeQuery), bucketed on whole hours, days or weeks
 * of `zone`. Null when the object is unknown or not visible; a bad range is a ValidationError.
 */
export async function getInvestigateRange(
  prisma: PrismaClient,
  access: Access,
  target: InvestigateTarget,
  query: RangeQuery,
  zone: string,
  now = Date.now(),
): Promise<InvestigateRangeView | null> {
  const ref = storedObjectOf(target);
  if (!canSeeObject(access, ref)) return null;
  const parsed = parseRangeQuery(query, now, zone);
  if (!parsed.ok) throw new ValidationError(parsed.message);
  const interval = parsed.interval;
  const bucketSize = bucketSizeFor(interval);
  const [overall, buckets, excluded] = await Promise.all([
    availabilityOver(prisma, [ref], { ...interval, now }),
    bucketedAvailability(prisma, ref, bucketsFor(interval, zone, bucketSize), { now }),
    excludedIntervalsOver(prisma, [ref], interval),
  ]);
  const figures = overall.get(objectRefKey(ref));
  if (figures === undefined) return null;
  return { ...interval, bucketSize, figures, buckets: buckets.map(bucketOf), excluded: excluded.get(objectRefKey(ref)) ?? [] };
}
