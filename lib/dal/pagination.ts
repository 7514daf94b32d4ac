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
 * The LIMIT and OFFSET of a page request, always whole numbers SQLite takes. The URL parser
 * (lib/list-url.ts) already keeps page and size in range; this is the last guard, so a caller
 * that builds a request itself can never send a float or NaN to SQL (a 500, issue 12).
 */
export function pageWindow(req: { page: number; pageSize: number }): { limit: number; offset: number } {
  const whole = (n: number, max: number) => (Number.isFinite(n) ? Math.min(Math.max(1, Math.floor(n)), max) : n > 0 ? max : 1);
  const limit = whole(req.pageSize, 10_000);
  const page = whole(req.page, Math.floor(Number.MAX_SAFE_INTEGER / limit));
  return { limit, offset: (page - 1) * limit };
}

/**
 * One page of `query`: ordered by the user's column in the user's direction, then by
 * `tiebreak` (so equal values keep a stable order across pages), `pageSize` rows from the page.
 */
export function onePage<R>(query: Pageable<R>, req: PageRequest<string>, order: Ordered, ...tiebreak: Ordered[]): R[] {
  const { limit, offset } = pageWindow(req);
  return query
    .orderBy((req.dir === "desc" ? desc : asc)(order), ...tiebreak)
    .limit(limit)
    .offset(offset)
    .all();
}
