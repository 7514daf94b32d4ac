/**
 * The one rule every new password passes (ADR 0034). Kept apart from password.ts (server-only
 * hashing) so forms can show the rule too: the zod schemas run the context-free part in the
 * browser and on the server; the data-access layer runs it again with the username, the names
 * of the prefectures and offices (read from the org tables) and the common-password list.
 */
import { DEMO_PASSWORD } from "@/db/seed/demo-users";

/** MHLW guideline 第6.0版: 13 characters or more, mixing letters, digits and symbols. */
export const PASSWORD_MIN_LENGTH = 13;
/** Long enough for any passphrase, short enough that hashing it costs nothing unusual. */
export const PASSWORD_MAX_LENGTH = 128;

/** The app's own name in the spellings a user might pick. */
export const APP_NAMES: readonly string[] = ["tsunagu", "つなぐ", "ツナグ", "繋ぐ"];

export type PasswordProblem =
  | "length"
  | "whitespace"
  | "composition"
  | "username"
  | "demo"
  | "appName"
  | "placeName"
  | "common";

/** The catalog key that explains each problem (validation.password.*). */
export function passwordProblemMessage(problem: PasswordProblem): string {
  return `validation.password.${problem}`;
}

export type PasswordContext = {
  /** The account's username (contained or equal: refused). */
  username?: string;
  /** Prefecture and office names from the org tables (contained: refused). */
  placeNames?: readonly string[];
  /** Lower-cased common passwords (the whole password, it without symbols at its ends, or its core: refused). */
  commonPasswords?: ReadonlySet<string>;
};

/** Compared without case and width: "ＰＡＳＳ" is "pass". */
export function normalizeForCompare(value: string): string {
  return value.normalize("NFKC").toLowerCase();
}

/** The password with the digits and symbols at its ends removed ("Sakura2026!" → "sakura"). */
export function passwordCore(normalized: string): string {
  return normalized.replace(/^[^\p{L}]+/u, "").replace(/[^\p{L}]+$/u, "");
}

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;
const SYMBOL = /[^\p{L}\p{N}\s]/u;

/**
 * The first problem with a new password, or null when it is acceptable. The checks run from the
 * cheapest to the most specific, so the message names the first thing to fix.
 */
export function passwordProblem(password: string, context: PasswordContext = {}): PasswordProblem | null {
  if (password.trim() === "") return "whitespace";
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) return "length";
  if (!LETTER.test(password) || !DIGIT.test(password) || !SYMBOL.test(password)) return "composition";
  const normalized = normalizeForCompare(password);
  if (normalized.includes(DEMO_PASSWORD)) return "demo";
  if (APP_NAMES.some((name) => normalized.includes(normalizeForCompare(name)))) return "appName";
  const username = context.username ? normalizeForCompare(context.username.trim()) : "";
  if (username.length >= 3 && normalized.includes(username)) return "username";
  for (const place of context.placeNames ?? []) {
    const name = normalizeForCompare(place.trim());
    if (name.length >= 2 && normalized.includes(name)) return "placeName";
  }
  if (context.commonPasswords) {
    const forms = [normalized, normalized.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""), passwordCore(normalized)];
    if (forms.some((form) => form !== "" && context.commonPasswords?.has(form))) return "common";
  }
  return null;
}
