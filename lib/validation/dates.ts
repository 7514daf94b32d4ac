import { z } from "zod";
import { todayIso } from "@/lib/domain/fiscal-year";
import { parseJapaneseDate } from "@/lib/domain/japanese-date";
import "./zod-errors";

/**
 * A date field that accepts what people type (2021/6/30, 令和3年6月30日, R3.6.30, full-width
 * digits…) and yields an ISO date. Errors are catalog keys naming what went wrong.
 */
export function requiredDate() {
  return z.string().transform((raw, ctx): string => {
    const parsed = parseJapaneseDate(raw);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.error === "empty" ? "validation.date.required" : `validation.date.${parsed.error}` });
      return z.NEVER;
    }
    return parsed.iso;
  });
}

/** Like requiredDate, but an empty field is null. */
export function optionalDate() {
  return z.string().transform((raw, ctx): string | null => {
    if (raw.trim() === "") return null;
    const parsed = parseJapaneseDate(raw);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: `validation.date.${parsed.error}` });
      return z.NEVER;
    }
    return parsed.iso;
  });
}

/**
 * The one date rule: something that happened (an activity, a contact, a phase change, a stay, a
 * hospitalisation, an outcome, a referral, a consent, a birth) is never after today in Japan;
 * planned dates (a review due, a planned discharge) use requiredDate / optionalDate. Today is the
 * app's (lib/domain/clock.ts): in the browser the real JST day, on the server the same or a
 * demo's TSUNAGU_TODAY, which the server's check then decides.
 */
export function happenedDate() {
  return requiredDate().refine(isNotAfterToday, "validation.date.future");
}

/** Like happenedDate, but an empty field is null. */
export function optionalHappenedDate() {
  return optionalDate().refine((iso) => iso === null || isNotAfterToday(iso), "validation.date.future");
}

/**
 * The test behind happenedDate, for a rule that depends on another field (a dispatch is a fact
 * only once 実施): an ISO date on or before today in Japan, the app's today.
 */
export function isNotAfterToday(iso: string): boolean {
  return iso <= todayIso();
}

/** A year-month that happened (a birth month): not after this month in Japan. */
export function isPastOrThisMonth(yearMonth: string): boolean {
  return yearMonth <= todayIso().slice(0, 7);
}

/** An optional code from a list: "" means not recorded. */
export function optionalCode<T extends readonly [string, ...string[]]>(values: T) {
  return z
    .string()
    .transform((v) => (v === "" ? null : v))
    .pipe(z.enum(values).nullable());
}
