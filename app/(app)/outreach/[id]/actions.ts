"use server";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { Actor } from "@/lib/dal/actor";
import { changeOutreachStatus } from "@/lib/dal/outreach";
import { addOutreachContact, addOutreachOutcome, deleteOutreachContact, deleteOutreachOutcome, updateOutreachContact } from "@/lib/dal/outreach-records";
import { requirePermission } from "@/lib/dal/session";
import { setFlash } from "@/lib/flash";
import type { MessageKey } from "@/lib/i18n/translate";
import type { FormState } from "@/lib/validation/form";
import {
  OUTREACH_MULTI_FIELDS,
  OutreachContactSchema,
  OutreachContactUpdateSchema,
  OutreachOutcomeSchema,
  OutreachRecordDeleteSchema,
  OutreachStatusSchema,
} from "@/lib/validation/outreach";
import { runFormAction } from "@/lib/actions/run-form-action";

/*
 * The outreach case page's actions. Each validates with the shared schema, makes one DAL call
 * (which checks the case is in the actor's reach) and stays on the page: the case and the list
 * are re-rendered and the flash becomes a toast.
 */

async function onCase<S extends z.ZodType<{ outreachCaseId: string } | { id: string }>>(
  formData: FormData,
  schema: S,
  run: (actor: Actor, input: z.infer<S>) => unknown,
  flash: MessageKey,
): Promise<FormState> {
  const actor = await requirePermission("write:outreach:reach");
  let caseId = "";
  const state = await runFormAction(
    formData,
    schema,
    async (input) => {
      run(actor, input);
      caseId = "outreachCaseId" in input ? input.outreachCaseId : input.id;
    },
    { multi: OUTREACH_MULTI_FIELDS },
  );
  if (!state.ok) return state;
  revalidatePath(`/outreach/${caseId}`);
  revalidatePath("/outreach");
  await setFlash(flash);
  return { ok: true };
}

export async function changeOutreachStatusAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return onCase(formData, OutreachStatusSchema, changeOutreachStatus, "outreach.detail.status.changed");
}

export async function addOutreachContactAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return onCase(formData, OutreachContactSchema, addOutreachContact, "outreach.detail.contact.added");
}

export async function addOutreachOutcomeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return onCase(formData, OutreachOutcomeSchema, addOutreachOutcome, "outreach.detail.outcome.added");
}

export async function updateOutreachContactAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return onCase(formData, OutreachContactUpdateSchema, updateOutreachContact, "outreach.detail.contact.edit.saved");
}

export async function deleteOutreachContactAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return onCase(formData, OutreachRecordDeleteSchema, deleteOutreachContact, "outreach.detail.contact.edit.deleted");
}

export async function deleteOutreachOutcomeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return onCase(formData, OutreachRecordDeleteSchema, deleteOutreachOutcome, "outreach.detail.outcome.deleted");
}
