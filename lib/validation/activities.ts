import { z } from "zod";
import {
  EVENT_KINDS,
  EVENT_SUBTYPES,
  EVENT_SUBTYPES_BY_KIND,
  KYOGI_LEVELS,
  MEETING_KINDS,
  PROFESSIONS,
  SECTORS,
  TRAINING_KINDS,
  TRAINING_SCOPES,
} from "@/lib/domain/activity-codes";
import { normalizeCount } from "@/lib/domain/activity-rules";
import { happenedDate, optionalHappenedDate } from "./dates";
import { optionalText, restatementReason, text } from "./fields";
import { PREFECTURE_HOST, professionField, sectorField } from "./field-names";

/*
 * The rules of meetings, trainings, events and the 協議の場 registry, shared by the browser
 * (checked before sending) and the server actions (checked again). Messages are catalog keys
 * of the activities section; each names the field and says what to do.
 */

export { PREFECTURE_HOST, professionField, sectorField } from "./field-names";

const V = "activities.validation";

/** Cross-field rules run even while a field is invalid, so every problem shows at once. */
const ALWAYS = { when: () => true };

/**
 * Read a count as people type it: full-width digits and thousands separators allowed. Empty
 * gives `empty` (0 for grid cells, null for optional fields) or the required message.
 */
function countField(max: number, empty: number | null | { required: string }) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): number | null => {
      const text = normalizeCount(raw ?? "");
      if (text === "") {
        if (typeof empty === "object" && empty !== null) {
          ctx.addIssue({ code: "custom", message: empty.required });
          return z.NEVER;
        }
        return empty;
      }
      if (!/^\d+$/.test(text)) {
        ctx.addIssue({ code: "custom", message: `${V}.countFormat` });
        return z.NEVER;
      }
      const n = Number(text);
      if (n > max) {
        ctx.addIssue({ code: "custom", message: `${V}.countTooLarge` });
        return z.NEVER;
      }
      return n;
    });
}

/** A count typed in a grid: empty means 0. */
export function count(max = 99999) {
  return countField(max, 0) as unknown as z.ZodType<number, string | undefined>;
}

/** Like count, but an empty field is null (not recorded), not 0. */
export function optionalCount(max = 99999) {
  return countField(max, null);
}

/** A count that must be given. */
export function requiredCount(max = 99999, requiredKey = `${V}.countRequired`) {
  return countField(max, { required: requiredKey }) as unknown as z.ZodType<number, string | undefined>;
}

/** An HTML checkbox: present ("on") is true, absent is false. */
export const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true");

const optionalId = z
  .string()
  .optional()
  .transform((v) => (v ? v : null));

const host = z
  .string({ error: `${V}.hostRequired` })
  .min(1, `${V}.hostRequired`)
  .transform((v) => (v === PREFECTURE_HOST ? null : v));

const title = text("title").min(1, `${V}.titleRequired`);

/** A meeting, training or event is recorded once held: never after today (the one date rule), and not before 2000 (a typo). */
function activityDate() {
  return happenedDate().refine((iso) => iso >= "2000-01-01", `${V}.dateOutOfRange`);
}

const version = z.coerce.number().int().min(1);

/** Every record form may carry 訂正の理由: needed when the record lies in a locked fiscal year (ADR 0025). */
const restating = { restatementReason };


function grid<K extends string, P extends string>(keys: readonly K[], field: (k: K) => P) {
  return Object.fromEntries(keys.map((k) => [field(k), count(9999)])) as Record<P, ReturnType<typeof count>>;
}

function collect<K extends string>(v: Record<string, unknown>, keys: readonly K[], field: (k: K) => string): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, typeof v[field(k)] === "number" ? (v[field(k)] as number) : 0])) as Record<K, number>;
}

// ---------------------------------------------------------------------------------------
// Meetings

const meetingFields = {
  ...restating,
  kind: z.enum(MEETING_KINDS, `${V}.meeting.kindRequired`),
  date: activityDate(),
  title,
  officeId: host,
  regionId: optionalId,
  kyogiBodyId: optionalId,
  venue: optionalText("place"),
  agenda: optionalText("note"),
  targetsReviewed: checkbox,
  advisorDispatched: checkbox,
  casesReviewed: optionalCount(999),
  ...grid(SECTORS, sectorField),
};

type MeetingShape = { kind?: string; regionId?: string | null; kyogiBodyId?: string | null; casesReviewed?: number | null };

function checkMeeting(v: MeetingShape, ctx: z.RefinementCtx): void {
  if (v.kind === "kyogi" && !v.kyogiBodyId) ctx.addIssue({ code: "custom", path: ["kyogiBodyId"], message: `${V}.meeting.kyogiBodyRequired` });
  if (v.kind === "region_liaison" && !v.regionId) ctx.addIssue({ code: "custom", path: ["regionId"], message: `${V}.meeting.regionRequired` });
  if (typeof v.casesReviewed === "number" && v.kind !== "case_review" && v.kind !== "outreach_case_review") {
    ctx.addIssue({ code: "custom", path: ["casesReviewed"], message: `${V}.meeting.casesReviewedOnlyForCaseReview` });
  }
}

const withAttendance = <T extends Record<string, unknown>>(v: T) => ({ ...v, attendance: collect(v, SECTORS, sectorField) });

export const MeetingCreateSchema = z.object(meetingFields).superRefine(checkMeeting, ALWAYS).transform(withAttendance);
export type MeetingInput = z.infer<typeof MeetingCreateSchema>;

export const MeetingUpdateSchema = z
  .object({ id: z.string().min(1), version, base: z.string().optional().default(""), ...meetingFields })
  .superRefine(checkMeeting, ALWAYS)
  .transform(withAttendance);
export type MeetingUpdateInput = z.infer<typeof MeetingUpdateSchema>;

/** The fields of a meeting a conflict report compares (the grid as one field per sector). */
export const MEETING_FIELDS = ["kind", "date", "title", "officeId", "regionId", "kyogiBodyId", "venue", "agenda", "targetsReviewed", "advisorDispatched", "casesReviewed", ...SECTORS.map(sectorField)] as const;

// ---------------------------------------------------------------------------------------
// Trainings

const trainingFields = {
  ...restating,
  kind: z.enum(TRAINING_KINDS, `${V}.training.kindRequired`),
  scope: z.enum(TRAINING_SCOPES, `${V}.training.scopeRequired`),
  regionId: optionalId,
  date: activityDate(),
  title,
  venue: optionalText("place"),
  sessions: requiredCount(99, `${V}.training.sessionsRequired`).pipe(z.number().min(1, `${V}.training.sessionsRequired`)),
  note: optionalText("note"),
  officeId: host,
  // One checked box arrives as a string when FormData is read without the multi list (the browser check).
  cohostIds: z.preprocess((v) => (typeof v === "string" ? (v ? [v] : []) : (v ?? [])), z.array(z.string().min(1))),
  ...grid(PROFESSIONS, professionField),
};

type TrainingShape = { scope?: string; regionId?: string | null; officeId?: string | null; cohostIds?: string[] };

function checkTraining(v: TrainingShape, ctx: z.RefinementCtx): void {
  if (v.scope === "region" && !v.regionId) ctx.addIssue({ code: "custom", path: ["regionId"], message: `${V}.training.regionRequired` });
  // officeId is undefined only while the host field itself is in error.
  if (v.scope === "office" && v.officeId === null) ctx.addIssue({ code: "custom", path: ["scope"], message: `${V}.training.officeScopeNeedsOffice` });
  if (v.officeId && v.cohostIds?.includes(v.officeId)) ctx.addIssue({ code: "custom", path: ["cohostIds"], message: `${V}.training.cohostIsHost` });
}

const withProfessions = <T extends Record<string, unknown>>(v: T) => ({ ...v, attendance: collect(v, PROFESSIONS, professionField) });

export const TrainingCreateSchema = z.object(trainingFields).superRefine(checkTraining, ALWAYS).transform(withProfessions);
export type TrainingInput = z.infer<typeof TrainingCreateSchema>;

export const TrainingUpdateSchema = z
  .object({ id: z.string().min(1), version, base: z.string().optional().default(""), ...trainingFields })
  .superRefine(checkTraining, ALWAYS)
  .transform(withProfessions);
export type TrainingUpdateInput = z.infer<typeof TrainingUpdateSchema>;

export const TRAINING_FIELDS = ["kind", "scope", "regionId", "date", "title", "venue", "sessions", "note", "officeId", "cohostIds", ...PROFESSIONS.map(professionField)] as const;
/** Multi-value fields of the training form (FormData keeps every value). */
export const TRAINING_MULTI = ["cohostIds"] as const;

// ---------------------------------------------------------------------------------------
// 普及啓発・家族支援

const eventFields = {
  ...restating,
  kind: z.enum(EVENT_KINDS, `${V}.event.kindRequired`),
  subtype: z.enum(EVENT_SUBTYPES, `${V}.event.subtypeRequired`),
  date: activityDate(),
  title,
  venue: optionalText("place"),
  participants: requiredCount(99999, `${V}.event.participantsRequired`),
  families: optionalCount(99999),
  withPeers: checkbox,
  note: optionalText("note"),
  officeId: host,
};

type EventShape = { kind?: string; subtype?: string; families?: number | null; participants?: number };

function checkEvent(v: EventShape, ctx: z.RefinementCtx): void {
  const kind = v.kind as (typeof EVENT_KINDS)[number] | undefined;
  // The rules run while the kind itself is in error too: an unknown kind has no subtypes to check.
  // Own keys only: a kind of "valueOf" or "constructor" must not find Object.prototype's (a TypeError, a 500).
  const subtypes = typeof kind === "string" && Object.hasOwn(EVENT_SUBTYPES_BY_KIND, kind) ? (EVENT_SUBTYPES_BY_KIND[kind] as readonly string[]) : undefined;
  if (subtypes && v.subtype && !subtypes.includes(v.subtype)) {
    ctx.addIssue({ code: "custom", path: ["subtype"], message: `${V}.event.subtypeNotOfKind` });
  }
  if (typeof v.families === "number" && kind !== "family_support") ctx.addIssue({ code: "custom", path: ["families"], message: `${V}.event.familiesOnlyForFamilySupport` });
}

export const EventCreateSchema = z.object(eventFields).superRefine(checkEvent, ALWAYS);
export type EventInput = z.infer<typeof EventCreateSchema>;

export const EventUpdateSchema = z.object({ id: z.string().min(1), version, base: z.string().optional().default(""), ...eventFields }).superRefine(checkEvent, ALWAYS);
export type EventUpdateInput = z.infer<typeof EventUpdateSchema>;

export const EVENT_FIELDS = ["kind", "subtype", "date", "title", "venue", "participants", "families", "withPeers", "note", "officeId"] as const;

// ---------------------------------------------------------------------------------------
// 協議の場 registry

const kyogiBodyFields = {
  ...restating,
  level: z.enum(KYOGI_LEVELS, `${V}.kyogi.levelRequired`),
  name: text("title").min(1, `${V}.kyogi.nameRequired`),
  regionId: optionalId,
  municipalityCode: optionalId,
  officeId: host,
  establishedOn: optionalHappenedDate(),
  active: checkbox,
  /** 廃止日: required when the body is no longer active, so past years still count it. */
  endedOn: optionalHappenedDate()
    .optional()
    .transform((v) => v ?? null),
};

type KyogiShape = { level?: string; regionId?: string | null; municipalityCode?: string | null; officeId?: string | null; active?: boolean; endedOn?: string | null; establishedOn?: string | null };

function checkKyogiBody(v: KyogiShape, ctx: z.RefinementCtx): void {
  if (v.level === "region" && !v.regionId) ctx.addIssue({ code: "custom", path: ["regionId"], message: `${V}.kyogi.regionRequired` });
  if (v.level === "municipality" && !v.municipalityCode) ctx.addIssue({ code: "custom", path: ["municipalityCode"], message: `${V}.kyogi.municipalityRequired` });
  if (v.level === "prefecture" && v.officeId) ctx.addIssue({ code: "custom", path: ["officeId"], message: `${V}.kyogi.prefectureBodyIsPrefectures` });
  if (v.active === false && !v.endedOn) ctx.addIssue({ code: "custom", path: ["endedOn"], message: `${V}.kyogi.endedOnRequired` });
  if (typeof v.endedOn === "string" && typeof v.establishedOn === "string" && v.endedOn < v.establishedOn) {
    ctx.addIssue({ code: "custom", path: ["endedOn"], message: `${V}.kyogi.endedBeforeEstablished` });
  }
}

/** The level decides which of region / municipality is kept; the other is dropped. */
const normaliseKyogi = <T extends KyogiShape>(v: T): T => ({
  ...v,
  regionId: v.level === "region" ? v.regionId : null,
  municipalityCode: v.level === "municipality" ? v.municipalityCode : null,
  // An active body has no end date (a date typed before ticking 活動中 again is dropped).
  endedOn: v.active ? null : v.endedOn,
});

export const KyogiBodyCreateSchema = z.object(kyogiBodyFields).superRefine(checkKyogiBody, ALWAYS).transform(normaliseKyogi);
export type KyogiBodyInput = z.infer<typeof KyogiBodyCreateSchema>;

export const KyogiBodyUpdateSchema = z
  .object({ id: z.string().min(1), version, base: z.string().optional().default(""), ...kyogiBodyFields })
  .superRefine(checkKyogiBody, ALWAYS)
  .transform(normaliseKyogi);
export type KyogiBodyUpdateInput = z.infer<typeof KyogiBodyUpdateSchema>;

export const KYOGI_BODY_FIELDS = ["level", "name", "regionId", "municipalityCode", "officeId", "establishedOn", "active", "endedOn"] as const;

// ---------------------------------------------------------------------------------------
// Delete (any record): the version the user saw, so a delete never removes a newer save unseen.

export const ActivityDeleteSchema = z.object({ id: z.string().min(1), version, ...restating });
export type ActivityDeleteInput = z.infer<typeof ActivityDeleteSchema>;
