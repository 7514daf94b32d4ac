import { z } from "zod";
import { text } from "@/lib/validation/fields";

/**
 * The hospital form, shared by the browser check and the actions. It lives beside the
 * actions rather than in them: a "use server" file may export only async functions.
 */
export const HospitalFormSchema = z.object({
  name: text("title").min(1, "validation.hospital.nameRequired"),
  municipalityCode: z.string().transform((v) => (v === "" ? null : v)),
  /** Digits only (full-width digits are read as half-width); empty means not known. */
  psychBeds: z
    .string()
    .transform((v) => v.normalize("NFKC").trim())
    .refine((v) => v === "" || /^\d{1,5}$/.test(v), "validation.hospital.bedsFormat")
    .transform((v) => (v === "" ? null : Number(v))),
});

export const HospitalUpdateSchema = HospitalFormSchema.extend({
  id: z.string().min(1),
  version: z.coerce.number().int().min(1),
  /** The values the form was loaded with (JSON), to tell a stale save what someone else changed. */
  base: z.string().optional().default(""),
  /** A checkbox: sent as "true" when ticked, absent when not. */
  active: z
    .string()
    .optional()
    .transform((v) => v === "true"),
});
