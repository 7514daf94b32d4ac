/**
 * Normalise a name reading for search: NFKC (half-width ｶﾀｶﾅ and full-width letters to their
 * standard forms), hiragana to katakana, and no spaces of any kind. "やまだ　たろう",
 * "ﾔﾏﾀﾞ ﾀﾛｳ" and "ヤマダタロウ" all become "ヤマダタロウ".
 */
export function normalizeKana(input: string): string {
  return input
    .normalize("NFKC")
    .replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
    .replace(/[\s\u3000・･]/g, "")
    // Once more: the katakana made from hiragana, or two parts a removed space kept apart, may now
    // combine with a voicing mark ("ゐﾞ" → "ヰ\u3099" → "ヸ"), so the key is the same however often it is taken.
    .normalize("NFKC");
}

/**
 * Half-width katakana (ｶﾀｶﾅ, with its separate ﾞ ﾟ marks) as full-width (カタカナ), the only form
 * stored; everything else as typed (hiragana stays hiragana, spaces stay). "ﾔﾏﾀﾞ ﾀﾛｳ" → "ヤマダ タロウ".
 */
export function toFullWidthKana(input: string): string {
  // NFKC composes ｶﾞ into ガ and maps ･ to ・; applied to the half-width runs only, so nothing else changes.
  // A run takes the full-width kana before it along, so that a half-width mark after it combines
  // ("カﾞ" → "ガ", not カ and a loose U+3099); NFKC leaves those kana letters as they are.
  return input.replace(/[\u3041-\u3096\u30A1-\u30FA]?[\uFF61-\uFF9F]+/g, (run) => run.normalize("NFKC"));
}
