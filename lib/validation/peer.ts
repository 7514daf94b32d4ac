import { z } from "zod";
import { parseTimeOfDay } from "@/lib/domain/time-of-day";
import { DESTINATION_KINDS, DISPATCH_STATUSES, PEER_PURPOSES, PEER_STATUSES, PEER_TRAININGS } from "@/lib/domain/peer-codes";
import { happenedDate, isNotAfterToday, optionalDate, optionalHappenedDate, requiredDate } from "./dates";
import { optionalText, optionalWholeNumber, restatementReason, text } from "./fields";
import { kana, personName, phone } from "./person-fields";
import { DISPATCH_CREATE_STATUSES } from "./field-names";

/*
 * Schemas of the peer registry and dispatches, shared by the forms (checked in the browser
 * first) and the actions. They read the flat values a form sends (`formValues`), so checkbox
 * groups arrive as a string or an array and per-peer fields as `hours:<peerId>`. Messages are
 * catalog keys.
 */

/** A checkbox group: absent, one value or several, always an array here. */
function multi<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(item));
}

/** A whole number ≥ 0 typed in a text field (full-width digits and 1,000-style commas accepted); empty is null. */
function optionalCount(message: string, max = 1_000_000) {
  return optionalWholeNumber(0, max, message);
}

/** Hours of a peer's part in a dispatch: 0–24 in steps people write (1, 1.5, 2.25); empty is null. */
const optionalHours = z
  .string()
  .trim()
  .transform((v) => v.normalize("NFKC"))
  .pipe(z.union([z.literal(""), z.string().regex(/^\d{1,2}(\.\d{1,2})?$/, "validation.dispatch.hoursFormat")]))
  .transform((v) => (v === "" ? null : Number(v)))
  .pipe(z.number().max(24, "validation.dispatch.hoursFormat").nullable());

/** A time of day in any way people type it (13:00, １３：００, 1300, 13時, 13時半), as "HH:MM"; empty is null. */
const time = z
  .string()
  .trim()
  .transform((v, ctx): string | null => {
    if (v === "") return null;
    const parsed = parseTimeOfDay(v);
    if (parsed === null) ctx.addIssue({ code: "custom", message: "validation.dispatch.timeFormat" });
    return parsed;
  });

const nullableId = z.string().trim().transform((v) => (v === "" ? null : v));
const version = z.coerce.number().int().min(1);

/** The name, contact and record fields of a peer, common to registering and editing. */
const peerRecord = {
  familyName: personName,
  givenName: personName,
  familyNameKana: kana,
  givenNameKana: kana,
  phone,
  email: z
    .string()
    .pipe(text("email"))
    .pipe(z.union([z.literal(""), z.string().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "validation.peer.emailFormat")]))
    .transform((v) => (v === "" ? null : v)),
  consentDate: optionalHappenedDate(),
  volunteerInsuranceUntil: optionalDate(),
  activities: multi(z.enum(PEER_PURPOSES)),
  regionIds: multi(z.string().min(1)),
};

/** The registration form has one optional completion date per training kind (`training_<kind>`). */
const trainingDates = Object.fromEntries(PEER_TRAININGS.map((kind) => [`training_${kind}`, optionalHappenedDate().optional().transform((v) => v ?? null)])) as unknown as Record<
  `training_${(typeof PEER_TRAININGS)[number]}`,
  z.ZodType<string | null>
>;

export const PeerCreateSchema = z
  .object({
    officeId: z.string().min(1, "validation.case.officeRequired"),
    ...peerRecord,
    registeredOn: happenedDate(),
    ...trainingDates,
  })
  .superRefine((v, ctx) => {
    if (typeof v.registeredOn !== "string") return;
    for (const kind of PEER_TRAININGS) {
      const done = v[`training_${kind}`];
      if (typeof done === "string" && done > v.registeredOn && kind === "peer_yousei") {
        // The 養成研修 comes before registration (堺市 要領: completers apply to register).
        ctx.addIssue({ code: "custom", path: [`training_${kind}`], message: "validation.peer.trainingAfterRegistration" });
      }
    }
  }, { when: () => true })
  .transform((v) => {
    const { officeId, registeredOn, familyName, givenName, familyNameKana, givenNameKana, phone, email, consentDate, volunteerInsuranceUntil, activities, regionIds } = v;
    const trainings = PEER_TRAININGS.flatMap((kind) => {
      const completedOn = v[`training_${kind}`];
      return completedOn ? [{ kind, completedOn }] : [];
    });
    return { officeId, registeredOn, familyName, givenName, familyNameKana, givenNameKana, phone, email, consentDate, volunteerInsuranceUntil, activities, regionIds, trainings };
  });
export type PeerCreateInput = z.infer<typeof PeerCreateSchema>;

/** Editing a peer: identity, contact and record; the registration itself moves by renewal. */
export const PeerUpdateSchema = z.object({
  id: z.string().min(1),
  version,
  /** The values the form was loaded with (JSON), to tell the user what someone else changed. */
  base: z.string().default(""),
  ...peerRecord,
});
export type PeerUpdateInput = z.infer<typeof PeerUpdateSchema>;

/** The fields a stale save compares (what the edit form shows). */
export const PEER_RECORD_FIELDS = ["familyName", "givenName", "familyNameKana", "givenNameKana", "phone", "email", "consentDate", "volunteerInsuranceUntil", "activities", "regionIds"] as const;

export const PeerStatusSchema = z.object({
  id: z.string().min(1),
  version,
  status: z.enum(PEER_STATUSES, "validation.peer.statusRequired"),
});

export const PeerRenewSchema = z.object({
  id: z.string().min(1),
  version,
  fiscalYear: z.coerce.number().int().min(2000, "validation.peer.fiscalYearRequired").max(2100, "validation.peer.fiscalYearRequired"),
});

/**
 * Removing a training entered by mistake: which one, and 訂正の理由 when it lies in a locked
 * fiscal year (ADR 0025). Shared by the dialog (checked in the browser) and the action.
 */
export const PeerTrainingRemoveSchema = z.object({ peerId: z.string().min(1), trainingId: z.string().min(1), restatementReason });

export const PeerTrainingSchema = z.object({
  restatementReason,
  peerId: z.string().min(1),
  kind: z.enum(PEER_TRAININGS, "validation.peer.trainingRequired"),
  completedOn: happenedDate(),
});
export type PeerTrainingInput = z.infer<typeof PeerTrainingSchema>;

export type DispatchMemberInput = { peerId: string; hours: number | null; honorariumYen: number | null; travelYen: number | null };

export { DISPATCH_CREATE_STATUSES } from "./field-names";

/** A dispatch's fields: used by the new form (with `status`) and the edit form (with id/version). */
const dispatchRecord = z.object({
  restatementReason,
  officeId: z.string().min(1, "validation.case.officeRequired"),
  date: requiredDate(),
  startTime: time,
  endTime: time,
  requestingOrg: optionalText("title"),
  destinationKind: z.enum(DESTINATION_KINDS, "validation.dispatch.destinationRequired"),
  hospitalId: nullableId,
  destinationName: optionalText("title"),
  purpose: z.enum(PEER_PURPOSES, "validation.dispatch.purposeRequired"),
  audienceCount: optionalCount("validation.dispatch.countFormat", 10_000),
  caseId: nullableId,
  report: optionalText("note"),
  peerIds: multi(z.string().min(1)),
});

type DispatchRaw = z.infer<typeof dispatchRecord> & { status?: (typeof DISPATCH_STATUSES)[number] };

/**
 * Per-peer hours, honorarium and travel (`hours:<id>`, `honorarium:<id>`, `travel:<id>`), read for the
 * ticked peers only, then the cross-field rules. Runs after the object parse, so it sees the raw values.
 */
function withMembers<T extends DispatchRaw>(raw: Record<string, unknown>, v: T, ctx: z.RefinementCtx) {
  const members: DispatchMemberInput[] = [];
  for (const peerId of v.peerIds) {
    const field = (prefix: string) => (typeof raw[`${prefix}:${peerId}`] === "string" ? (raw[`${prefix}:${peerId}`] as string) : "");
    const hours = optionalHours.safeParse(field("hours"));
    const honorarium = optionalCount("validation.dispatch.yenFormat").safeParse(field("honorarium"));
    const travel = optionalCount("validation.dispatch.yenFormat").safeParse(field("travel"));
    if (!hours.success) ctx.addIssue({ code: "custom", path: [`hours:${peerId}`], message: "validation.dispatch.hoursFormat" });
    if (!honorarium.success) ctx.addIssue({ code: "custom", path: [`honorarium:${peerId}`], message: "validation.dispatch.yenFormat" });
    if (!travel.success) ctx.addIssue({ code: "custom", path: [`travel:${peerId}`], message: "validation.dispatch.yenFormat" });
    members.push({ peerId, hours: hours.data ?? null, honorariumYen: honorarium.data ?? null, travelYen: travel.data ?? null });
  }
  if (v.peerIds.length === 0) ctx.addIssue({ code: "custom", path: ["peerIds"], message: "validation.dispatch.membersRequired" });
  if (v.destinationKind === "hospital" && !v.hospitalId) ctx.addIssue({ code: "custom", path: ["hospitalId"], message: "validation.dispatch.hospitalRequired" });
  if (v.destinationKind !== "hospital" && !v.destinationName) ctx.addIssue({ code: "custom", path: ["destinationName"], message: "validation.dispatch.placeRequired" });
  if (v.startTime && v.endTime && v.endTime <= v.startTime) ctx.addIssue({ code: "custom", path: ["endTime"], message: "validation.dispatch.endBeforeStart" });
  return members;
}

/**
 * The object schema plus the per-peer fields and cross-field rules. The raw form values are kept
 * so the per-peer fields (not part of the object) can be read, and every problem is reported at once.
 */
function dispatchSchema<T extends z.ZodObject>(object: T) {
  type Out = Omit<z.infer<T>, "peerIds"> & { members: DispatchMemberInput[] };
  return z.custom<Record<string, unknown>>((v) => typeof v === "object" && v !== null).transform((raw, ctx): Out => {
    const parsed = object.safeParse(raw);
    // Report field errors and the member rules together; without a parse the member rules use the raw ids.
    const base = parsed.success ? (parsed.data as unknown as DispatchRaw) : null;
    if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    // Without a full parse, each field that parses on its own still takes part in the cross-field rules.
    const loose = (base ??
      Object.fromEntries(
        Object.entries(object.shape as Record<string, z.ZodType>).map(([key, field]) => {
          const one = field.safeParse(raw[key]);
          return [key, one.success ? one.data : key === "peerIds" ? [] : null];
        }),
      )) as DispatchRaw;
    const members = withMembers(raw, loose, ctx);
    // 実施 is a fact: a dispatch cannot have been done on a day still to come.
    if (base && base.status === "done" && typeof base.date === "string" && !isNotAfterToday(base.date)) {
      ctx.addIssue({ code: "custom", path: ["date"], message: "validation.dispatch.doneInFuture" });
    }
    if (!base) return z.NEVER;
    const { peerIds: _peerIds, ...rest } = base;
    return { ...rest, members } as unknown as Out;
  });
}

export const DispatchCreateSchema = dispatchSchema(dispatchRecord.extend({ status: z.enum(DISPATCH_CREATE_STATUSES, "validation.dispatch.statusRequired") }));
export type DispatchCreateInput = z.infer<typeof DispatchCreateSchema>;

export const DispatchUpdateSchema = dispatchSchema(dispatchRecord.extend({ id: z.string().min(1), version, base: z.string().default("") }));
export type DispatchUpdateInput = z.infer<typeof DispatchUpdateSchema>;

/** The fields a stale dispatch save compares. */
export const DISPATCH_RECORD_FIELDS = ["date", "startTime", "endTime", "requestingOrg", "destinationKind", "hospitalId", "destinationName", "purpose", "audienceCount", "caseId", "report", "members"] as const;

export const DispatchStatusSchema = z
  .object({
  restatementReason,
    id: z.string().min(1),
    version,
    status: z.enum(DISPATCH_STATUSES, "validation.dispatch.statusRequired"),
    report: optionalText("note"),
    audienceCount: optionalCount("validation.dispatch.countFormat", 10_000).optional().transform((v) => v ?? null),
  });
export type DispatchStatusInput = z.infer<typeof DispatchStatusSchema>;
