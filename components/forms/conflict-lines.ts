import type { Translate } from "@/lib/i18n/translate";

/*
 * Wording of a stale save for an edit action (server side): the DAL reports `{ field: [was, now] }`
 * in stored values (codes, ids, ISO dates); the user reads labels, names and dates as written here.
 */

/** Each conflicting field's values in words. */
export function readableConflicts(conflicts: Record<string, [unknown, unknown]>, readable: (field: string, value: unknown) => string): Record<string, [string, string]> {
  return Object.fromEntries(Object.entries(conflicts).map(([field, [was, now]]) => [field, [readable(field, was), readable(field, now)]]));
}

/** One line per field someone else changed, with its value now ("電話番号：現在の値は「…」です。"). */
export function conflictFieldLines(conflicts: Record<string, [string, string]>, fieldLabels: Record<string, string>, t: Translate): string[] {
  return Object.entries(conflicts).map(([field, [, now]]) => t("errors.conflictField", { field: fieldLabels[field] ?? field, value: String(now) }));
}
