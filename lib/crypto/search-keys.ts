import { normalizeKana } from "@/lib/domain/kana";

/*
 * What the keyed hashes of encryption at rest are taken of (ADR 0040). Pure: the column types, the
 * DAL, the start-up step and the e2e fixtures all use it, so they cannot disagree.
 */

/** The labels of the keyed hashes (each kind its own, so equal text of two kinds never shares a hash). */
export const HASH_LABELS = { kana: "kana", name: "name", prefix: "kana-prefix" } as const;

/** Every normalised prefix of the family, given and whole name's kana (a search matches any of them). */
export function kanaPrefixes(k: { familyNameKana: string; givenNameKana: string }): string[] {
  const out = new Set<string>();
  for (const part of [normalizeKana(k.familyNameKana + k.givenNameKana), normalizeKana(k.givenNameKana), normalizeKana(k.familyNameKana)]) {
    const chars = [...part];
    for (let i = 1; i <= chars.length; i++) out.add(chars.slice(0, i).join(""));
  }
  return [...out];
}
