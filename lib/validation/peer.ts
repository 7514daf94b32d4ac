import { z } from "zod";
import { DESTINATION_KINDS, PEER_PURPOSES, PEER_TRAININGS } from "@/lib/domain/peer-codes";
import { optionalDate, requiredDate } from "./dates";
import { kana, optionalText, personName } from "./fields";

/** Schemas of the peer registry and dispatches, shared by forms and actions. Messages are catalog keys. */


export const PeerCreateSchema = z.object({
  officeId: z.string().min(1, "validation.case.officeRequired"),
  familyName: personName,
  givenName: personName,
  familyNameKana: kana,
  givenNameKana: kana,
  phone: optionalText(40),
  email: optionalText(120),
  registeredOn: requiredDate(),
  consentDate: optionalDate(),
  volunteerInsuranceUntil: optionalDate(),
  activities: z.array(z.enum(PEER_PURPOSES)).default([]),
  regionIds: z.array(z.string().min(1)).default([]),
  trainings: z.array(z.object({ kind: z.enum(PEER_TRAININGS), completedOn: requiredDate() })).default([]),
});
export type PeerCreateInput = z.infer<typeof PeerCreateSchema>;

const time = z
  .string()
  .trim()
  .transform((v) => v.normalize("NFKC"))
  .pipe(z.union([z.literal(""), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "validation.dispatch.timeFormat")]))
  .transform((v) => (v === "" ? null : v));

export const DispatchCreateSchema = z
  .object({
    officeId: z.string().min(1, "validation.case.officeRequired"),
    date: requiredDate(),
    startTime: time,
    endTime: time,
    requestingOrg: optionalText(100),
    destinationKind: z.enum(DESTINATION_KINDS, "validation.dispatch.destinationRequired"),
    hospitalId: z.string().transform((v) => (v === "" ? null : v)),
    destinationName: optionalText(100),
    purpose: z.enum(PEER_PURPOSES, "validation.dispatch.purposeRequired"),
    audienceCount: z
      .string()
      .trim()
      .transform((v) => (v === "" ? null : Number(v.normalize("NFKC"))))
      .pipe(z.number().int("validation.dispatch.countFormat").min(0, "validation.dispatch.countFormat").nullable()),
    caseId: z.string().transform((v) => (v === "" ? null : v)),
    members: z.array(z.object({ peerId: z.string().min(1), hours: z.number().min(0).max(24).nullable(), honorariumYen: z.number().int().min(0).nullable(), travelYen: z.number().int().min(0).nullable() })).min(1, "validation.dispatch.membersRequired"),
  })
  // Cross-field rules run even while other fields have errors, so every problem shows at once.
  .superRefine((v, ctx) => {
    if (v.destinationKind === "hospital" && !v.hospitalId) ctx.addIssue({ code: "custom", path: ["hospitalId"], message: "validation.case.hospitalRequired" });
    if (v.destinationKind !== "hospital" && !v.destinationName) ctx.addIssue({ code: "custom", path: ["destinationName"], message: "validation.dispatch.placeRequired" });
    const time = (t: unknown) => (typeof t === "string" && /^\d\d:\d\d$/.test(t) ? t : null);
    const [start, end] = [time(v.startTime), time(v.endTime)];
    if (start && end && end < start) ctx.addIssue({ code: "custom", path: ["endTime"], message: "validation.dispatch.endBeforeStart" });
  }, { when: () => true });
export type DispatchCreateInput = z.infer<typeof DispatchCreateSchema>;
