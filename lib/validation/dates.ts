import { z } from "zod";
import { parseJapaneseDate } from "@/lib/domain/japanese-date";

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

/** An optional code from a list: "" means not recorded. */
export function optionalCode<T extends readonly [string, ...string[]]>(values: T) {
  return z
    .string()
    .transform((v) => (v === "" ? null : v))
    .pipe(z.enum(values).nullable());
}
