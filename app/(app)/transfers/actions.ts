"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { acceptTransfer, cancelTransfer, declineTransfer, requestTransfer } from "@/lib/dal/case-transfers";
import { requirePermission } from "@/lib/dal/session";
import { setFlash } from "@/lib/flash";
import { runFormAction } from "@/lib/actions/run-form-action";
import { TransferAcceptSchema, TransferCancelSchema, TransferDeclineSchema, TransferRequestSchema } from "@/lib/validation/case-transfer";
import type { FormState } from "@/lib/validation/form";

/*
 * Transfer of a case to another office (ADR 0032). Each action validates with the shared schema,
 * makes one DAL call (which checks the permission and the offices again) and revalidates.
 */

export async function requestTransferAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requirePermission("transfer:case:reach");
  let caseId = "";
  const state = await runFormAction(formData, TransferRequestSchema, async (input) => {
    requestTransfer(actor, input);
    caseId = input.caseId;
  });
  if (!state.ok) return state;
  revalidatePath(`/cases/${caseId}`);
  await setFlash("transfer.request.done");
  return { ok: true };
}

export async function cancelTransferAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requirePermission("transfer:case:reach");
  let caseId = "";
  const state = await runFormAction(formData, TransferCancelSchema, async (input) => {
    caseId = cancelTransfer(actor, input);
  });
  if (!state.ok) return state;
  revalidatePath(`/cases/${caseId}`);
  await setFlash("transfer.pending.cancelled");
  return { ok: true };
}

export async function acceptTransferAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requirePermission("transfer:case:reach");
  let caseId = "";
  const state = await runFormAction(formData, TransferAcceptSchema, async (input) => {
    caseId = acceptTransfer(actor, input);
  });
  if (!state.ok) return state;
  revalidatePath("/transfers");
  await setFlash("transfer.inbox.accepted");
  // The case is the receiving office's now: open it.
  redirect(`/cases/${caseId}`);
}

export async function declineTransferAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requirePermission("transfer:case:reach");
  const state = await runFormAction(formData, TransferDeclineSchema, async (input) => {
    declineTransfer(actor, input);
  });
  if (!state.ok) return state;
  revalidatePath("/transfers");
  await setFlash("transfer.inbox.declined");
  return { ok: true };
}
