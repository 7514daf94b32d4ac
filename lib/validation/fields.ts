import { z } from "zod";
import { REASON_MAX } from "@/lib/domain/year-close";

/** Field rules used by more than one form. Messages are catalog keys. */

/** A fiscal year (年度) the app can hold, 2000–2099, as a form sends it; `message` names the form's own wording. */
export const fiscalYearField = (message: string) => z.coerce.number({ error: message }).int(message).min(2000, message).max(2099, message);

/** Free text up to `max` characters; an empty field is null. */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, "validation.textTooLong")
    .transform((v) => (v === "" ? null : v));
}

/**
 * 訂正の理由: asked for when a save changes a record dated in a locked fiscal year (ADR 0025).
 * Optional here (the data-access layer decides whether the year is locked); an empty field is
 * undefined, so "no reason" is one value wherever it is checked.
 */
export const restatementReason = z
  .string()
  .trim()
  .max(REASON_MAX, "validation.textTooLong")
  .transform((v) => (v ? v : undefined))
  // Optional outside the transform, so inputs built in code may leave the key out.
  .optional();
