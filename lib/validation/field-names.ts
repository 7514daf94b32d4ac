import type { Profession, Sector } from "@/lib/domain/activity-codes";

/*
 * The names and fixed values the browser's forms need on their first load, without zod: the
 * schema modules that define the rules re-export them, and the forms import them from here
 * (ADR 0053; tests/validation/browser-bundle.test.ts keeps zod off the first load).
 */

/** The multi-value fields of the outreach forms (checkbox groups), for formValues. */
export const OUTREACH_MULTI_FIELDS = ["targets", "professions"] as const;

/** An outreach case for a new person or one already on record. */
export const PERSON_MODES = ["new", "existing"] as const;
export type PersonMode = (typeof PERSON_MODES)[number];

/** The statuses a dispatch can be recorded in: 実施 after the fact, 依頼 or 予定 ahead. */
export const DISPATCH_CREATE_STATUSES = ["requested", "scheduled", "done"] as const;

/** The value a host select sends for "the prefecture itself" (a row with office_id NULL). */
export const PREFECTURE_HOST = "prefecture";

/** Grid field names: one number input per sector / profession (`att_health`, `prof_nurse`). */
export const sectorField = (s: Sector) => `att_${s}` as const;
export const professionField = (p: Profession) => `prof_${p}` as const;

/** The field of one cell of a monthly or 協議の場 table: `${field}_${row}`. */
export const cellName = (field: string, row: string) => `${field}_${row}`;
