import { z } from "zod";
import { storableText } from "../validation/fields";

export const PAGE_SIZE = 50;

/** Search, sort and page of a server-side table, parsed from the URL; anything unknown falls back to the default. */
export function tableQuerySchema<const Column extends string>(columns: readonly [Column, ...Column[]]) {
  return z.object({
    q: storableText().trim().max(200).catch(""),
    sort: z.enum(columns).catch(columns[0]),
    dir: z.enum(["asc", "desc"]).catch("asc"),
    page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
  });
}

export interface TableQuery<Column extends string> {
  q: string;
  sort: Column;
  dir: "asc" | "desc";
  page: number;
}

export interface TablePage<Row> {
  rows: Row[];
  total: number;
  page: number;
  pageCount: number;
}

/** A LIKE pattern matching `text` anywhere, with its wildcards escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

export function firstParamString(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
