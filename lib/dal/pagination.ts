/*
 * The paging contract of the data-access layer: what a list function takes and returns. Types
 * only, so the DAL depends on no URL code; reading these from the URL (and PAGE_SIZES) lives in
 * lib/list-url.ts, which re-exports them for the pages (ADR 0027).
 */
export type SortDir = "asc" | "desc";
export type PageRequest<K extends string> = { page: number; pageSize: number; sort: K; dir: SortDir };
export type Page<T> = { rows: T[]; total: number; page: number; pageSize: number };
