import { z } from "zod";
import { toFullWidthKana } from "@/lib/domain/kana";
import { normalizePhone } from "@/lib/domain/phone";

/** The fields that name and reach a person (対象者 or ピアサポーター). Messages are catalog keys. */

/** A name part (姓 or 名); half-width ｶﾀｶﾅ in it is stored full-width. */
export const personName = z
  .string()
  .trim()
  .min(1, "validation.person.nameRequired")
  .max(40, "validation.person.nameLength")
  // A name of invisible characters alone (a zero-width space pasted from the web) is no name.
  .refine((v) => v.replace(/\p{Cf}/gu, "").trim() !== "", "validation.person.nameRequired")
  .transform(toFullWidthKana);

/** A reading in hiragana or katakana (full or half width); spaces and ・ allowed. Stored with half-width ｶﾀｶﾅ as full-width. */
export const kana = z
  .string()
  .trim()
  .min(1, "validation.person.kanaRequired")
  .max(40, "validation.person.kanaLength")
  .regex(/^[\u3040-\u309F\u30A0-\u30FF\uFF66-\uFF9F\s\u3000ー・]+$/, "validation.person.kanaFormat")
  .transform(toFullWidthKana);

/**
 * A telephone number in the one stored form of lib/domain/phone.ts ("086-123-4567"); an empty
 * field is null, anything that is no Japanese number (10 or 11 digits from 0) is refused.
 */
export const phone = z
  .string()
  .trim()
  .max(40, "validation.textTooLong")
  .transform((v, ctx): string | null => {
    if (v === "") return null;
    const stored = normalizePhone(v);
    if (stored === null) {
      ctx.addIssue({ code: "custom", message: "validation.person.phoneFormat" });
      return z.NEVER;
    }
    return stored;
  });
