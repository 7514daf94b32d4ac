/**
 * Telephone numbers as they are stored: half-width digits in the groups the user typed, joined
 * by single ASCII hyphens ("086-123-4567"). Everything people type for the same groups reads the
 * same: full-width digits, spaces, dots, slashes, parentheses ("(086)123-4567", "086(123)4567"),
 * any dash or the long-vowel mark an IME gives for "-", and the country code ("+81 86 123 4567",
 * "+81 (0)86…") as the domestic leading 0. The app does not guess area-code lengths (they vary
 * from 1 to 5 digits), so a number typed without separators stays ungrouped, except mobile and
 * IP numbers (020/050/060/070/080/090, 11 digits), whose grouping is fixed (3-4-4).
 * Only Japanese numbers are accepted: 10 or 11 digits starting with 0 (ADR 0028).
 */

/** Separators people type between groups, after NFKC (which already maps full-width forms). */
const SEPARATORS = /[\s().\-/‐‑‒–—―−ーｰ~〜]+/g;

/** The stored form of a typed telephone number, or null when it is no Japanese number. */
export function normalizePhone(input: string): string | null {
  let s = input.normalize("NFKC").trim();
  if (s === "") return null;
  // The country code: "+81 86…", "+81-90…", "+81 (0)86…" and "81-86…" are domestic 0 numbers.
  // The domestic 0 written after the country code ("+81 086…", a common slip) is the same 0, not a second one.
  const international = /^(?:\+|00)\s*81[\s\-‐−ー]*(?:\(0\)|0)?[\s\-‐−ー]*/.exec(s);
  if (international) s = `0${s.slice(international[0].length)}`;
  s = s.replace(SEPARATORS, "-").replace(/^-+|-+$/g, "");
  if (!/^[0-9-]+$/.test(s)) return null;
  const digits = s.replace(/-/g, "");
  // 00… is the international call prefix, never a domestic number (and would read as +81 next time).
  if (!/^0[1-9]\d{8,9}$/.test(digits)) return null;
  if (!s.includes("-") && /^0[2-9]0\d{8}$/.test(digits)) return `${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`;
  return s;
}

/** The digits alone: two stored forms of one number with different grouping compare equal. */
export function phoneDigits(stored: string): string {
  return stored.replace(/\D/g, "");
}
