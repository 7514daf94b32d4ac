import { z } from "zod";
import { fiscalYearField, text } from "./fields";

/*
 * The forms of the year-end close page (ADR 0025): a supervisor's sign-off of an office, the
 * prefecture's lock and unlock. Messages are catalog keys of the yearClose section.
 */

const fiscalYear = fiscalYearField("yearClose.validation.fiscalYear");

export const SignOffSchema = z.object({
  fiscalYear,
  officeId: z.string().min(1, "yearClose.validation.office"),
  note: text("reason")
    .optional()
    .transform((v) => (v ? v : null)),
});
export type SignOffInput = z.infer<typeof SignOffSchema>;

export const LockSchema = z.object({ fiscalYear });
export type LockInput = z.infer<typeof LockSchema>;

export const UnlockSchema = z.object({
  fiscalYear,
  reason: z.string({ error: "yearClose.validation.unlockReason" }).pipe(text("reason").min(1, "yearClose.validation.unlockReason")),
});
export type UnlockInput = z.infer<typeof UnlockSchema>;
