import "server-only";
import { happenedDate } from "@/lib/validation/dates";
import { AppError } from "./errors";

/**
 * The data-access layer's re-check of the one date rule (ADR 0031): what happened is never
 * after today in Japan. It runs the very rule the forms' schemas run (lib/validation/dates.ts),
 * not a copy, so a caller that skipped the schema, or a save sent from a page left open past
 * midnight, is refused with the same message. Empty dates are skipped (the schema decides
 * whether a date is needed).
 */
export function assertHappened(dates: Record<string, string | null | undefined>): void {
  const fieldErrors: Record<string, string> = {};
  for (const [field, date] of Object.entries(dates)) {
    if (date && !happenedDate().safeParse(date).success) fieldErrors[field] = "validation.date.future";
  }
  if (Object.keys(fieldErrors).length > 0) throw new AppError("invalid", "validation.date.future", fieldErrors);
}
