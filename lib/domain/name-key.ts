/**
 * The search key of a name written in kanji (or as written, for names in kana or letters): NFKC,
 * no spaces of any kind, and the variant forms of characters common in family names (異体字) as
 * their standard form, so "髙橋" finds "高橋" and "渡邊" finds "渡辺". The key is for exact
 * matching on the family name or on the full name (ADR 0028): an identity encrypted later keeps
 * working as a lookup of this key, which a LIKE on the raw name would not.
 */

/** Variant → standard form. Characters NFKC already maps (the CJK compatibility ideographs with a decomposition) are not listed. */
export const NAME_VARIANTS: Readonly<Record<string, string>> = {
  髙: "高",
  﨑: "崎",
  嵜: "崎",
  碕: "崎",
  邊: "辺",
  邉: "辺",
  齋: "斎",
  齊: "斎",
  濵: "浜",
  濱: "浜",
  櫻: "桜",
  澤: "沢",
  廣: "広",
  德: "徳",
  國: "国",
  藏: "蔵",
  瀨: "瀬",
  眞: "真",
  壽: "寿",
  槇: "槙",
  冨: "富",
  嶋: "島",
  嶌: "島",
  峯: "峰",
  條: "条",
  惠: "恵",
  榮: "栄",
  實: "実",
  淺: "浅",
  關: "関",
  圓: "円",
  舘: "館",
  龜: "亀",
  萬: "万",
  彌: "弥",
  鷗: "鴎",
  𠮷: "吉",
  﨔: "欅",
};

const VARIANT_PATTERN = new RegExp(Object.keys(NAME_VARIANTS).join("|"), "gu");

/** The exact-match key of a name or a part of it. "髙橋　美咲" → "高橋美咲". */
export function nameKey(input: string): string {
  return input
    .normalize("NFKC")
    // Spaces and the invisible format characters a copy from the web or Word brings along (zero-width
    // space U+200B, soft hyphen, BOM: Unicode's Cf), which would make a pasted name miss the typed one.
    .replace(/[\s\u3000・･]|\p{Cf}/gu, "")
    // Once more: NFKC may have made a space of a mark (゛ → " \u3099") whose removal lets it combine.
    .normalize("NFKC")
    .replace(VARIANT_PATTERN, (c) => NAME_VARIANTS[c] ?? c);
}

/** The two kanji keys a person's identity is searched by: the family name's and the full name's (exact match). */
export function nameKeys(name: { familyName: string; givenName: string }): { familyNameKey: string; nameKey: string } {
  return { familyNameKey: nameKey(name.familyName), nameKey: nameKey(name.familyName + name.givenName) };
}
