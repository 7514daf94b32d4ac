import { z } from "zod";
import { messageWithVars } from "./message-vars";
import { textLimit, type TextKind } from "./text-limits";
import "./zod-errors";

/** Field rules used by more than one form. Messages are catalog keys. */

/** A fiscal year (年度) the app can hold, 2000–2099, as a form sends it; `message` names the form's own wording. */
export const fiscalYearField = (message: string) => z.coerce.number({ error: message }).int(message).min(2000, message).max(2099, message);

// The kinds of free text and their limits live in a zod-free module the browser's fields read (ADR 0053).
export { TEXT_LIMITS, textLimit, type TextKind } from "./text-limits";

/** The message of a text over its kind's limit, stating the limit (「2000文字以内で…」). */
export const textTooLong = (kind: TextKind | number) => messageWithVars("validation.textTooLong", { max: textLimit(kind) });

/** A trimmed text of a kind, up to its limit; empty allowed (use .min for required ones). */
export function text(kind: TextKind | number) {
  return z.string().trim().max(textLimit(kind), textTooLong(kind));
}

/** Free text of a kind; an empty field is null. */
export function optionalText(kind: TextKind | number) {
  return text(kind).transform((v) => (v === "" ? null : v));
}

/**
 * A whole number as people type it: full-width digits and 1,000-style commas accepted, within
 * min–max; `message` names the field's own wording ("abc", "1.5", "-3" and out of range alike).
 * An empty field is null.
 */
export function optionalWholeNumber(min: number, max: number, message: string) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): number | null => {
      const v = (raw ?? "").normalize("NFKC").trim().replaceAll(",", "");
      if (v === "") return null;
      const n = /^\d+$/.test(v) ? Number(v) : NaN;
      if (!(n >= min && n <= max)) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return n;
    });
}

/**
 * 訂正の理由: asked for when a save changes a record dated in a locked fiscal year (ADR 0025).
 * Optional here (the data-access layer decides whether the year is locked); an empty field is
 * undefined, so "no reason" is one value wherever it is checked.
 */
export const restatementReason = text("reason")
  .transform((v) => (v ? v : undefined))
  // Optional outside the transform, so inputs built in code may leave the key out.
  .optional();
