/**
 * Normalise a name reading for search: NFKC (half-width ｶﾀｶﾅ and full-width letters to their
 * standard forms), hiragana to katakana, and no spaces of any kind. "やまだ　たろう",
 * "ﾔﾏﾀﾞ ﾀﾛｳ" and "ヤマダタロウ" all become "ヤマダタロウ".
 */
export function normalizeKana(input: string): string {
  return input
    .normalize("NFKC")
    .replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
    .replace(/[\s\u3000・･]/g, "");
}
