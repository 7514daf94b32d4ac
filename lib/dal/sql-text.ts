import { and, eq, gte, isNull, lte, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { fiscalYearRange } from "@/lib/domain/fiscal-year";
import { nameKey } from "@/lib/domain/name-key";
import { personKanaStartsWith } from "./name-tokens";

/* Pieces of the list queries: text search, ordering by a code list, counts per code, a year filter. */

/** A record open at some point of the fiscal year: begun by its end, not ended before its start (ISO dates compare as text). */
export function openDuringFiscalYear(begin: AnySQLiteColumn, end: AnySQLiteColumn, fiscalYear: number): SQL {
  const year = fiscalYearRange(fiscalYear);
  return and(lte(begin, year.end), or(isNull(end), gte(end, year.start)))!;
}

/** Escape `%`, `_` and `\` for a LIKE pattern written with `ESCAPE '\'`. */
export function escapeLike(text: string): string {
  return text.replace(/[%_\\]/g, (c) => `\\${c}`);
}

/** `column` contains `text`, with LIKE's wildcards in the text taken literally. */
export function containsText(column: SQLWrapper, text: string): SQL {
  return sql`${column} LIKE ${`%${escapeLike(text)}%`} ESCAPE '\\'`;
}

/**
 * The search box of a register of people (cases, outreach cases, peer supporters): the kana in
 * any form (hiragana, katakana, half-width) as a prefix of the family, given or whole name (the
 * `kanaStartsWith` condition of lib/dal/name-tokens.ts: the names are encrypted, ADR 0040), or
 * part of the record's number or code as typed in any width or case. `q` is the trimmed, non-empty query.
 */
export function kanaOrCodeContains(q: string, kanaStartsWith: SQL | undefined, codeColumn: SQLWrapper): SQL {
  return or(kanaStartsWith, containsText(codeColumn, q.normalize("NFKC").toUpperCase()))!;
}

/**
 * The search box of the person registers (discharge-support and outreach cases): the kana as in
 * kanaOrCodeContains, the record's number, or the kanji name matched exactly on the family name
 * or on the full name, after the variant forms are normalised (髙→高, 邊→辺 …; ADR 0028). The key
 * columns hold HMACs, and the compared key is hashed by the column type (ADR 0040).
 */
export function personOrCodeMatches(q: string, columns: { personId: AnySQLiteColumn; familyNameKey: AnySQLiteColumn; nameKey: AnySQLiteColumn }, codeColumn: SQLWrapper): SQL {
  const key = nameKey(q);
  const byName = key ? or(eq(columns.familyNameKey, key), eq(columns.nameKey, key)) : undefined;
  return or(kanaOrCodeContains(q, personKanaStartsWith(columns.personId, q), codeColumn), byName)!;
}

/** Orders by the position of `column`'s value in its code list (a status by its place in the workflow, not alphabetically). */
export function inCodeOrder(column: SQLWrapper, codes: readonly string[]): SQL {
  return sql`CASE ${column} ${sql.raw(codes.map((code, i) => `WHEN '${code}' THEN ${i}`).join(" "))} END`;
}

/** The rows of a `GROUP BY` code as a count for every code of the list, 0 where no row came back. */
export function countsPerCode<K extends string>(codes: readonly K[], rows: { code: K; n: number }[]): Record<K, number> {
  const counts = Object.fromEntries(codes.map((code) => [code, 0])) as Record<K, number>;
  for (const r of rows) counts[r.code] = r.n;
  return counts;
}
