"use server";
import { revalidatePath } from "next/cache";
import { addActivity, addCarePlan, addReadmission, addTrialStay, recordFollowUp, setCarePlanStatus } from "@/lib/dal/case-records";
import { reassignCase, transitionCase } from "@/lib/dal/cases";
import { requirePermission } from "@/lib/dal/session";
import { setFlash } from "@/lib/flash";
import type { MessageKey } from "@/lib/i18n/translate";
import { CaseTransitionSchema } from "@/lib/validation/case";
import {
  ActivitySchema,
  CarePlanSchema,
  CarePlanStatusSchema,
  FollowUpSchema,
  ReadmissionSchema,
  ReassignSchema,
  TrialStaySchema,
} from "@/lib/validation/case-records";
import type { FormState } from "@/lib/validation/form";
import { runFormAction } from "@/lib/validation/run-form-action";

/*
 * The case page's actions. Each one validates with the shared schema, makes one DAL call and
 * stays on the page: the case is re-rendered (revalidatePath) and the flash becomes a toast.
 * The case id comes from the parsed input, which the DAL has checked is in the actor's reach.
 */

async function done(caseId: string, flash: MessageKey): Promise<FormState> {
  revalidatePath(`/cases/${caseId}`);
  await setFlash(flash);
  return { ok: true };
}

export async function transitionCaseAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requirePermission("write:case:reach");
  let caseId = "";
  const state = await runFormAction(formData, CaseTransitionSchema, async (input) => {
    transitionCase(actor, input);
    caseId = input.id;
  });
  return state.ok ? done(caseId, "caseDetail.phase.changed") : state;
}

export async function addActivityAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requirePermission("write:case:reach");
  let caseId = "";
  const state = await runFormAction(formData, ActivitySchema, async (input) => {
    addActivity(actor, input);
    caseId = input.caseId;
  });
  return state.ok ? done(caseId, "caseDetail.activity.added") : state;
}

export async function addTrialStayAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requirePermission("write:case:reach");
  let caseId = "";
  const state = await runFormAction(formData, TrialStaySchema, async (input) => {
    addTrialStay(actor, input);
    caseId = input.caseId;
  });
  return state.ok ? done(caseId, "caseDetail.trialStay.added") : state;
}

export async function addCarePlanAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requirePermission("write:case:reach");
  let caseId = "";
  const state = await runFormAction(formData, CarePlanSchema, async (input) => {
    addCarePlan(actor, input);
    caseId = input.caseId;
  });
  return state.ok ? done(caseId, "caseDetail.carePlan.added") : state;
}

export async function setCarePlanStatusAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requirePermission("write:case:reach");
  let caseId = "";
  const state = await runFormAction(formData, CarePlanStatusSchema, async (input) => {
    setCarePlanStatus(actor, input.caseId, input.planId, input.status);
    caseId = input.caseId;
  });
  return state.ok ? done(caseId, "caseDetail.carePlan.statusChanged") : state;
}

export async function addReadmissionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requirePermission("write:case:reach");
  let caseId = "";
  const state = await runFormAction(formData, ReadmissionSchema, async (input) => {
    addReadmission(actor, input);
    caseId = input.caseId;
  });
  return state.ok ? done(caseId, "caseDetail.hospitalization.added") : state;
}

export async function recordFollowUpAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requirePermission("write:case:reach");
  let caseId = "";
  const state = await runFormAction(formData, FollowUpSchema, async (input) => {
    recordFollowUp(actor, input);
    caseId = input.caseId;
  });
  return state.ok ? done(caseId, "caseDetail.followUp.recorded") : state;
}

export async function reassignCaseAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requirePermission("reassign:case:reach");
  let caseId = "";
  const state = await runFormAction(formData, ReassignSchema, async (input) => {
    reassignCase(actor, input.caseId, input.version, input.coordinatorUserId);
    caseId = input.caseId;
  });
  return state.ok ? done(caseId, "caseDetail.reassign.done") : state;
}
