import { dateInputValue } from "@/components/forms/date-input-value";
import { isAppError } from "@/lib/dal/errors";
import { todayIso } from "@/lib/domain/fiscal-year";
import { PREFECTURE_HOST } from "@/lib/validation/activities";

export type HostOption = { value: string; label: string };


/**
 * Stored values as a form's fields show them: dates as 2024/06/10, ticked boxes as "on",
 * none as "", and the prefecture as host as PREFECTURE_HOST.
 */
export function formDefaults(values: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (key === "officeId") out[key] = typeof value === "string" ? value : PREFECTURE_HOST;
    else if (typeof value === "boolean") out[key] = value ? "on" : "";
    else if (typeof value === "number") out[key] = String(value);
    else if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) out[key] = dateInputValue(value);
    else if (typeof value === "string") out[key] = value;
    else out[key] = "";
  }
  return out;
}

/** The hosts a form offers: the prefecture (for prefecture staff) and the offices in reach. */
export function hostOptions(hosts: { prefecture: boolean; offices: { id: string; name: string }[] }, prefectureLabel: string): HostOption[] {
  return [...(hosts.prefecture ? [{ value: PREFECTURE_HOST, label: prefectureLabel }] : []), ...hosts.offices.map((o) => ({ value: o.id, label: o.name }))];
}

/** The record a "copy" link names, or null: a copy link to a record out of reach (or gone) simply opens an empty form. */
export function copySource<T>(id: string | undefined, read: (id: string) => T): T | null {
  if (!id) return null;
  try {
    return read(id);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") return null;
    throw error;
  }
}

/** A new record's date field: today, as people here write it. */
export function todayInputValue(): string {
  return dateInputValue(todayIso());
}

/** A copied record's values as a new record's defaults: today's date, and its host while the actor may still record for it. */
export function copiedDefaults(values: Record<string, string>, hosts: HostOption[]): Record<string, string> {
  return { ...values, date: todayInputValue(), officeId: hosts.some((h) => h.value === values.officeId) ? values.officeId! : hosts[0]!.value };
}
