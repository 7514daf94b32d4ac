import { z } from "zod";
import { optionalText } from "./fields";

/** The fields that name and reach a person (対象者 or ピアサポーター). Messages are catalog keys. */

/** A name part (姓 or 名). */
export const personName = z.string().trim().min(1, "validation.person.nameRequired").max(40, "validation.person.nameLength");

/** A reading in hiragana or katakana (full or half width); spaces and ・ allowed. */
export const kana = z
  .string()
  .trim()
  .min(1, "validation.person.kanaRequired")
  .max(40, "validation.person.kanaLength")
  .regex(/^[\u3040-\u309F\u30A0-\u30FF\uFF66-\uFF9F\s\u3000ー・]+$/, "validation.person.kanaFormat");

/** A telephone number; an empty field is null. */
export const phone = optionalText(40);
