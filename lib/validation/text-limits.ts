import { REASON_MAX } from "@/lib/domain/year-close";

/*
 * No zod here: the browser's form fields state these limits on every page's first load, while
 * zod and the schemas come later (ADR 0053; tests/validation/browser-bundle.test.ts).
 */

/**
 * The kinds of free text and their one limit each (ADR 0031): every text field of every form is
 * one of these, so the same kind of field takes the same length everywhere, its hint states the
 * limit (components/ui/field.tsx) and so does the message when it is passed. Person names,
 * kana and phone numbers have their own rules in person-fields.ts (40 characters).
 */
export const TEXT_LIMITS = {
  /** A title or the name of a thing, an organisation or a team; a heading; a source label. */
  title: 200,
  /** An address, a venue, the place of a visit. */
  place: 200,
  /** An e-mail address (RFC 5321's path limit). */
  email: 254,
  /** 訂正の理由 and other reasons: as long as the year-close keeps (ADR 0025). */
  reason: REASON_MAX,
  /** A note, summary, agenda or report. */
  note: 2000,
  /** A long narrative (具体的な成果・効果). */
  narrative: 4000,
} as const;
export type TextKind = keyof typeof TEXT_LIMITS;

/**
 * A kind's limit. A number is a field with a rule of its own (the person fields of
 * person-fields.ts); every other field names its kind.
 */
export const textLimit = (kind: TextKind | number): number => (typeof kind === "number" ? kind : TEXT_LIMITS[kind]);
