import { dateInputValue } from "@/components/forms/date-input-value";

/** Stored values as a form's fields show them: dates as 2021/06/30, numbers as typed, none as "". */
export function fieldDefaults(values: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => {
      if (value === null || value === undefined) return [key, ""];
      if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return [key, dateInputValue(value)];
      return [key, String(value)];
    }),
  );
}
