import { z } from "zod";
import { isIndicatorCode } from "@/lib/domain/indicators/definitions";
import { optionalText, restatementReason, fiscalYearField, textTooLong, TEXT_LIMITS } from "./fields";

/*
 * The sheet's own settings, shared by the browser and the server actions: which indicators the
 * prefecture reports and in what order and wording, the 具体的な成果・効果 text of each for a
 * fiscal year, and the year's two facts no record holds. Each row is its own small form.
 */

const V = "indicatorInputs.validation.sheet";

const blank = <T extends z.ZodType>(schema: T) => z.preprocess((v) => v ?? "", schema);

const indicatorCode = z
  .string({ error: `${V}.indicatorRequired` })
  .trim()
  .min(1, `${V}.indicatorRequired`)
  .refine((code) => isIndicatorCode(code), `${V}.indicatorUnknown`);

const fiscalYear = fiscalYearField(`${V}.fiscalYearInvalid`);

const version = z.coerce.number().int().min(1);
/** The version a row was loaded with; 0 when nothing is stored for it yet. */
const versionOrNew = z.coerce.number().int().min(0);

/** The row's heading as the prefecture words it; empty shows the indicator's own name. */
const heading = blank(optionalText("title"));

export const SheetRowAddSchema = z.object({ indicatorCode, heading });
export type SheetRowAddInput = z.infer<typeof SheetRowAddSchema>;

export const SheetRowHeadingSchema = z.object({ indicatorCode, heading, version, base: z.string().optional().default("") });
export type SheetRowHeadingInput = z.infer<typeof SheetRowHeadingSchema>;

export const SheetRowMoveSchema = z.object({ indicatorCode, direction: z.enum(["up", "down"]), version });
export type SheetRowMoveInput = z.infer<typeof SheetRowMoveSchema>;

/** Remove a row (the confirm dialog sends the row's code as `id`). */
export const SheetRowRemoveSchema = z.object({ id: z.string().min(1), version });
export type SheetRowRemoveInput = z.infer<typeof SheetRowRemoveSchema>;

/** 具体的な成果・効果: long text with its line breaks; an empty text removes the year's narrative. */
export const NarrativeSchema = z.object({
  indicatorCode,
  fiscalYear,
  restatementReason,
  text: blank(
    z
      .string()
      .transform((v) => v.replace(/\s+$/u, "").replace(/^\n+/u, ""))
      .pipe(z.string().max(TEXT_LIMITS.narrative, textTooLong("narrative"))),
  ),
  version: versionOrNew,
  /** The text the form was loaded with (JSON), so a stale save reports only someone else's change. */
  base: z.string().optional().default(""),
});
export type NarrativeInput = z.infer<typeof NarrativeSchema>;

/** 精神部会: 有 / 無 / not recorded. */
export const SUBCOMMITTEE_VALUES = ["yes", "no", ""] as const;

export const YearFactsSchema = z.object({
  fiscalYear,
  restatementReason,
  jiritsuMhSubcommittee: blank(z.enum(SUBCOMMITTEE_VALUES, `${V}.subcommitteeInvalid`).transform((v) => (v === "yes" ? true : v === "no" ? false : null))),
  hostelUniqueUsers: blank(
    z.string().transform((raw, ctx): number | null => {
      const text = raw.trim().normalize("NFKC").replaceAll(",", "");
      if (text === "") return null;
      if (!/^\d+$/.test(text) || Number(text) > 99999) {
        ctx.addIssue({ code: "custom", message: `${V}.hostelUsersFormat` });
        return z.NEVER;
      }
      return Number(text);
    }),
  ),
  /** The sheet's 協議の場 block as of 1 April after the year (a ticked box). */
  kyogiAsOfNextApril: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "true"),
  version: versionOrNew,
  /** The facts the form was loaded with (JSON), so a stale save lists only what someone else changed. */
  base: z.string().optional().default(""),
});
export type YearFactsInput = z.infer<typeof YearFactsSchema>;
