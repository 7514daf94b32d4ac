import type { Label, Locale } from "@/lib/domain/codes";
import { formatDate } from "@/lib/domain/format";
import type { Translate } from "@/lib/i18n/translate";

/*
 * The one wording of a stale save. The DAL reports `{ field: [loaded, now] }` in stored values
 * (codes, ids, ISO dates, booleans, arrays), listing only what someone else changed since the
 * form was loaded; the user reads one line per field: its label and the value stored now, in
 * words. A form brings only what it alone knows (its labels, the names of its codes and ids);
 * how a line and a value read is decided here, for every form.
 */

/** A field's stored values in words: code labels, or names by id ("33-bizen" → "備前保健所"). */
export type ValueNames = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

/** What a form knows that the common wording cannot. */
export type ConflictWording = {
  /** Field labels; a field without one is named by its key. */
  labels?: Readonly<Record<string, string>> | ((field: string) => string | undefined);
  /** Per field, the words for its stored values (a boolean's as "true" / "false"). */
  names?: Readonly<Record<string, ValueNames>>;
  /**
   * A value no name explains (a dispatch's members, a table row's status): its words, or
   * undefined for the common reading. null says the value is not shown: the line then only says
   * someone else saved it.
   */
  format?: (field: string, value: unknown) => string | null | undefined;
};

/** A code list's labels in one language, as ConflictWording.names wants them. */
export function codeNames(codes: Readonly<Record<string, Label>>, locale: Locale): Record<string, string> {
  return Object.fromEntries(Object.entries(codes).map(([code, label]) => [code, label[locale]]));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function nameOf(names: ValueNames | undefined, key: string): string | undefined {
  if (!names) return undefined;
  if (names instanceof Map) return names.get(key);
  return Object.hasOwn(names, key) ? (names as Readonly<Record<string, string>>)[key] : undefined;
}

/**
 * A stored value as the user would recognise it: the form's own words first, then a name or a
 * code's label, 未記録 for nothing, なし for an empty list, はい / いいえ, a figure with
 * separators, a date as written here.
 */
export function readableValue(field: string, value: unknown, wording: ConflictWording, t: Translate, locale: Locale): string {
  const own = wording.format?.(field, value);
  if (typeof own === "string") return own;
  if (value === null || value === undefined || value === "") return t("errors.conflictValue.empty");
  if (Array.isArray(value)) {
    if (value.length === 0) return t("errors.conflictValue.none");
    return value.map((item) => readableValue(field, item, wording, t, locale)).join(t("errors.conflictValue.separator"));
  }
  const named = nameOf(wording.names?.[field], String(value));
  if (named !== undefined) return named;
  if (typeof value === "boolean") return t(value ? "errors.conflictValue.yes" : "errors.conflictValue.no");
  if (typeof value === "number") return value.toLocaleString("ja-JP");
  if (typeof value === "string" && ISO_DATE.test(value)) return formatDate(value, locale);
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function labelOf(field: string, wording: ConflictWording): string {
  const { labels } = wording;
  const label = typeof labels === "function" ? labels(field) : labels && Object.hasOwn(labels, field) ? labels[field] : undefined;
  return label || field;
}

/** One line per field someone else changed, with its value now ("電話番号：現在の値は「…」です。"). */
export function conflictLines(conflicts: Readonly<Record<string, readonly [unknown, unknown]>>, wording: ConflictWording, t: Translate, locale: Locale): string[] {
  return Object.entries(conflicts).map(([field, [, now]]) => {
    const label = labelOf(field, wording);
    if (wording.format?.(field, now) === null) return t("errors.conflictSaved", { field: label });
    return t("errors.conflictField", { field: label, value: readableValue(field, now, wording, t, locale) });
  });
}

/**
 * The lead of a stale save's answer when the DAL knows whose save won: a colleague by name
 * (「備前 花子 さんが先に保存しました。」) or the user's own save from another tab or screen, then
 * what to do. Without it the answer is the generic errors.conflict.
 */
export function conflictLead(by: { self: true } | { self: false; name: string }, t: Translate): string {
  return by.self ? t("errors.conflictSelf") : t("errors.conflictBy", { name: by.name });
}
