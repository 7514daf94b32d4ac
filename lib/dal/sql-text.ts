import { or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { normalizeKana } from "@/lib/domain/kana";

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
 * any form (hiragana, katakana, half-width) against the normalised kana key, or part of the
 * record's number or code as typed in any width or case. `q` is the trimmed, non-empty query.
 */
export function kanaOrCodeContains(q: string, kanaKeyColumn: SQLWrapper, codeColumn: SQLWrapper): SQL {
  const kanaKey = normalizeKana(q);
  return or(kanaKey ? containsText(kanaKeyColumn, kanaKey) : undefined, containsText(codeColumn, q.normalize("NFKC").toUpperCase()))!;
}
