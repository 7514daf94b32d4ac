import { asc, desc, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";

/*
 * The paging contract of the data-access layer: what a list function takes and returns, and the
 * one way a list query takes its page. The DAL depends on no URL code; reading these from the
 * URL (and PAGE_SIZES) lives in lib/list-url.ts, which re-exports the types for the pages
 * (ADR 0027).
 */
export type SortDir = "asc" | "desc";
export type PageRequest<K extends string> = { page: number; pageSize: number; sort: K; dir: SortDir };
export type Page<T> = { rows: T[]; total: number; page: number; pageSize: number };

type Ordered = SQL | AnySQLiteColumn;
/** A select that can still be ordered and paged (drizzle's builder before orderBy). */
type Pageable<R> = { orderBy(...columns: Ordered[]): { limit(n: number): { offset(n: number): { all(): R[] } } } };

/**
 * One page of `query`: ordered by the user's column in the user's direction, then by
 * `tiebreak` (so equal values keep a stable order across pages), `pageSize` rows from the page.
 */
export function onePage<R>(query: Pageable<R>, req: PageRequest<string>, order: Ordered, ...tiebreak: Ordered[]): R[] {
  return query
    .orderBy((req.dir === "desc" ? desc : asc)(order), ...tiebreak)
    .limit(req.pageSize)
    .offset((req.page - 1) * req.pageSize)
    .all();
}
