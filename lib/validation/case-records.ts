import { z } from "zod";
import {
  ACTIVITY_TYPES,
  ADMISSION_TYPES,
  CARE_PLAN_STATUSES,
  CARE_PLAN_TYPES,
  FOLLOW_UP_STATUSES,
  TRIAL_OUTCOMES,
  TRIAL_PLACES,
  TRIAL_STAY_KINDS,
} from "@/lib/domain/case-codes";
import { happenedDate, optionalCode, optionalDate, optionalHappenedDate } from "./dates";
import { optionalText, optionalWholeNumber, restatementReason } from "./fields";

/** Schemas of what is recorded inside a case. Messages are catalog keys. */

const caseRef = { caseId: z.string().min(1) };

export const ActivitySchema = z.object({
  restatementReason,
  ...caseRef,
  date: happenedDate(),
  activityType: z.enum(ACTIVITY_TYPES, "validation.activity.typeRequired"),
  minutes: optionalWholeNumber(0, 1440, "validation.activity.minutesFormat"),
  withPeer: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "true"),
  summary: optionalText("note"),
});
export type ActivityInput = z.infer<typeof ActivitySchema>;

/** Correcting a logged activity: the same fields, its id and the version the page showed (ADR 0019). */
export const ActivityUpdateSchema = ActivitySchema.extend({ id: z.string().min(1), version: z.coerce.number().int().min(1) });
export type ActivityUpdateInput = z.infer<typeof ActivityUpdateSchema>;

/** Deleting an activity logged by mistake: which one, and the version the page showed. */
export const ActivityDeleteSchema = z.object({
  restatementReason, ...caseRef, id: z.string().min(1), version: z.coerce.number().int().min(1) });
export type ActivityDeleteInput = z.infer<typeof ActivityDeleteSchema>;

export const TrialStaySchema = z
  .object({
  restatementReason,
    ...caseRef,
    kind: z.enum(TRIAL_STAY_KINDS, "validation.trialStay.kindRequired"),
    placeType: z.enum(TRIAL_PLACES, "validation.trialStay.placeRequired"),
    startDate: happenedDate(),
    endDate: happenedDate(),
    outcome: optionalCode(TRIAL_OUTCOMES),
  })
  .refine((v) => v.startDate <= v.endDate, { path: ["endDate"], message: "validation.trialStay.endBeforeStart" });
export type TrialStayInput = z.infer<typeof TrialStaySchema>;

export const CarePlanSchema = z
  .object({
  restatementReason,
    ...caseRef,
    planType: z.enum(CARE_PLAN_TYPES, "validation.carePlan.typeRequired"),
    status: z.enum(CARE_PLAN_STATUSES, "validation.carePlan.statusRequired"),
    createdDate: happenedDate(),
    reviewDueDate: optionalDate(),
    periodEndDate: optionalDate(),
    consentDate: optionalHappenedDate(),
  })
  .refine((v) => !v.periodEndDate || v.createdDate <= v.periodEndDate, { path: ["periodEndDate"], message: "validation.carePlan.periodEndBeforeCreated" })
  .refine((v) => !v.reviewDueDate || v.createdDate <= v.reviewDueDate, { path: ["reviewDueDate"], message: "validation.carePlan.reviewBeforeCreated" });
export type CarePlanInput = z.infer<typeof CarePlanSchema>;

export const CarePlanStatusSchema = z.object({
  ...caseRef,
  planId: z.string().min(1),
  status: z.enum(CARE_PLAN_STATUSES, "validation.carePlan.statusRequired"),
});

export const ReadmissionSchema = z
  .object({
  restatementReason,
    ...caseRef,
    hospitalId: z.string().min(1, "validation.case.hospitalRequired"),
    admissionDate: happenedDate(),
    dischargeDate: optionalHappenedDate(),
    admissionType: optionalCode(ADMISSION_TYPES),
  })
  .refine((v) => !v.dischargeDate || v.admissionDate <= v.dischargeDate, { path: ["dischargeDate"], message: "validation.hospitalization.dischargeBeforeAdmission" });
export type ReadmissionInput = z.infer<typeof ReadmissionSchema>;

export const FollowUpSchema = z.object({
  restatementReason,
  ...caseRef,
  followUpId: z.string().min(1),
  checkedDate: happenedDate(),
  status: z.enum(FOLLOW_UP_STATUSES, "validation.followUp.statusRequired"),
  note: optionalText("note"),
});
export type FollowUpInput = z.infer<typeof FollowUpSchema>;

export const ReassignSchema = z.object({
  ...caseRef,
  version: z.coerce.number().int().min(1),
  coordinatorUserId: z.string().min(1, "validation.case.coordinatorRequired"),
});
