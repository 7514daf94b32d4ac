import "server-only";
import { normalizeKana } from "@/lib/domain/kana";
import { pageWindow, type PageRequest } from "./pagination";

/*
 * Sorting by name in the application (ADR 0040): the kana are envelopes, which SQL cannot order.
 * A list sorted by kana reads the ids and kana of every row of its filter (an office holds
 * hundreds of records, not millions: measured in the ADR), sorts them here by the normalised kana
 * as SQL sorted the plain key before (code-unit order, the tiebreak always ascending), and loads
 * the page's rows by id.
 */

export type KanaSortRow = { id: string; tiebreak: string; familyNameKana: string; givenNameKana: string };

/** The ids of one page of `rows` ordered by their normalised kana in the request's direction. */
export function kanaPageIds(rows: KanaSortRow[], req: Pick<PageRequest<string>, "page" | "pageSize" | "dir">): string[] {
  const dir = req.dir === "desc" ? -1 : 1;
  const keyed = rows.map((r) => ({ id: r.id, tiebreak: r.tiebreak, key: normalizeKana(r.familyNameKana + r.givenNameKana) }));
  keyed.sort((a, b) => (a.key < b.key ? -dir : a.key > b.key ? dir : a.tiebreak < b.tiebreak ? -1 : a.tiebreak > b.tiebreak ? 1 : 0));
  const { limit, offset } = pageWindow(req);
  return keyed.slice(offset, offset + limit).map((r) => r.id);
}

/** `rows` in the order of `ids` (rows loaded by `inArray`, which keeps no order). */
export function inIdOrder<R extends { id: string }>(rows: R[], ids: string[]): R[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Sort persons (or peers) by normalised kana, then by a tiebreak, for lists that are not paged. */
export function byKana<R extends { familyNameKana: string; givenNameKana: string }>(rows: R[], tiebreak: (r: R) => string): R[] {
  const key = (r: R) => normalizeKana(r.familyNameKana + r.givenNameKana);
  return rows
    .map((r) => ({ r, k: key(r), t: tiebreak(r) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.t < b.t ? -1 : a.t > b.t ? 1 : 0))
    .map((x) => x.r);
}

/** One page of a list sorted by kana: `all` is every row of the filter (id, tiebreak, kana), `load` loads rows by id. */
export function pageByKana<R extends { id: string }>(all: KanaSortRow[], req: Pick<PageRequest<string>, "page" | "pageSize" | "dir">, load: (ids: string[]) => R[]): R[] {
  const ids = kanaPageIds(all, req);
  return ids.length === 0 ? [] : inIdOrder(load(ids), ids);
}
