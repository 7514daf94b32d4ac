"use server";
import { revalidatePath } from "next/cache";
import { addActivity, addCarePlan, addReadmission, addTrialStay, deleteActivity, recordFollowUp, setCarePlanStatus, updateActivity } from "@/lib/dal/case-records";
import { correctLatestPhaseChange, reopenCase, undoLatestPhaseChange } from "@/lib/dal/case-phase-events";
import { reassignCase, transitionCase } from "@/lib/dal/cases";
import { requirePermission } from "@/lib/dal/session";
import { setFlash } from "@/lib/flash";
import type { Permission } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/dal/actor";
import type { MessageKey } from "@/lib/i18n/translate";
import { CaseReopenSchema, CaseTransitionSchema, PhaseChangeCorrectSchema, PhaseChangeUndoSchema } from "@/lib/validation/case";
import {
  ActivityDeleteSchema,
  ActivitySchema,
  ActivityUpdateSchema,
  CarePlanSchema,
  CarePlanStatusSchema,
  FollowUpSchema,
  ReadmissionSchema,
  ReassignSchema,
  TrialStaySchema,
} from "@/lib/validation/case-records";
import type { FormState } from "@/lib/validation/form";
import { runFormAction } from "@/lib/actions/run-form-action";
import type { z } from "zod";

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

/** The shared body: permission, schema, one DAL call, then back to the case page with a toast. */
async function onCase<S extends z.ZodType<{ caseId: string } | { id: string }>>(
  formData: FormData,
  permission: Permission,
  schema: S,
  run: (actor: Actor, input: z.infer<S>) => unknown,
  flash: MessageKey,
): Promise<FormState> {
  const actor = await requirePermission(permission);
  let caseId = "";
  const state = await runFormAction(formData, schema, async (input) => {
    run(actor, input);
    caseId = "caseId" in input ? input.caseId : input.id;
  });
  return state.ok ? done(caseId, flash) : state;
}

export async function transitionCaseAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return onCase(formData, "write:case:reach", CaseTransitionSchema, transitionCase, "caseDetail.phase.changed");
}

export async function addActivityAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return onCase(formData, "write:case:reach", ActivitySchema, addActivity, "caseDetail.activity.added");
}

export async function updateActivityAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return onCase(formData, "write:case:reach", ActivityUpdateSchema, updateActivity, "caseDetail.activity.edit.saved");
}

export async function deleteActivityAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return onCase(formData, "write:case:reach", ActivityDeleteSchema, deleteActivity, "caseDetail.activity.edit.deleted");
}

export async function addTrialStayAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return onCase(formData, "write:case:reach", TrialStaySchema, addTrialStay, "caseDetail.trialStay.added");
}

export async function addCarePlanAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return onCase(formData, "write:case:reach", CarePlanSchema, addCarePlan, "caseDetail.carePlan.added");
}

export async function setCarePlanStatusAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return onCase(formData, "write:case:reach", CarePlanStatusSchema, (actor, input) => setCarePlanStatus(actor, input.caseId, input.planId, input.status), "caseDetail.carePlan.statusChanged");
}

export async function addReadmissionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return onCase(formData, "write:case:reach", ReadmissionSchema, addReadmission, "caseDetail.hospitalization.added");
}

export async function recordFollowUpAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return onCase(formData, "write:case:reach", FollowUpSchema, recordFollowUp, "caseDetail.followUp.recorded");
}

export async function reassignCaseAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return onCase(formData, "reassign:case:reach", ReassignSchema, (actor, input) => reassignCase(actor, input.caseId, input.version, input.coordinatorUserId), "caseDetail.reassign.done");
}

export async function correctPhaseChangeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return onCase(formData, "write:case:reach", PhaseChangeCorrectSchema, correctLatestPhaseChange, "caseDetail.phaseFix.saved");
}

export async function undoPhaseChangeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return onCase(formData, "write:case:reach", PhaseChangeUndoSchema, undoLatestPhaseChange, "caseDetail.phaseFix.undone");
}

export async function reopenCaseAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return onCase(formData, "reopen:case:reach", CaseReopenSchema, reopenCase, "caseDetail.reopen.done");
}
