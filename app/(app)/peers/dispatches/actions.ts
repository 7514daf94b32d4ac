"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { listHospitalsForActor } from "@/lib/dal/hospitals";
import { createDispatch, setDispatchStatus, updateDispatch } from "@/lib/dal/peer-dispatches";
import { requirePermission } from "@/lib/dal/session";
import { setFlash } from "@/lib/flash";
import type { FormState } from "@/lib/validation/form";
import { DispatchCreateSchema, DispatchStatusSchema, DispatchUpdateSchema } from "@/lib/validation/peer";
import { runFormAction } from "@/lib/actions/run-form-action";
import { dispatchConflictWording } from "./_components/dispatch-labels";

const MULTI = ["peerIds"] as const;

export type DispatchCreateState = FormState & { createdId?: string };

/**
 * Record a dispatch and stay on the form for the next one: the answer carries the new id (the
 * form links to it and clears itself), and the lists are refreshed.
 */
export async function createDispatchAction(_prev: DispatchCreateState, formData: FormData): Promise<DispatchCreateState> {
  const actor = await requirePermission("write:dispatch:reach");
  let createdId = "";
  const state = await runFormAction(formData, DispatchCreateSchema, async (input) => {
    ({ id: createdId } = createDispatch(actor, input));
  }, { multi: MULTI });
  if (!state.ok) return state;
  revalidatePath("/peers/dispatches");
  revalidatePath("/peers");
  return { ok: true, createdId };
}

export async function updateDispatchAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requirePermission("write:dispatch:reach");
  let id = "";
  const state = await runFormAction(
    formData,
    DispatchUpdateSchema,
    async (input) => {
      updateDispatch(actor, input);
      id = input.id;
    },
    {
      multi: MULTI,
      // Tell the user what the other person saved in words (labels, names), not codes.
      conflict: (t, locale) => dispatchConflictWording(t, locale, new Map(listHospitalsForActor(actor, { includeInactive: true }).map((h) => [h.id, h.name]))),
    },
  );
  if (!state.ok) return state;
  revalidatePath(`/peers/dispatches/${id}`);
  revalidatePath("/peers/dispatches");
  await setFlash("dispatches.flash.updated");
  redirect(`/peers/dispatches/${id}`);
}

export async function setDispatchStatusAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requirePermission("write:dispatch:reach");
  let id = "";
  const state = await runFormAction(formData, DispatchStatusSchema, async (input) => {
    setDispatchStatus(actor, input);
    id = input.id;
  });
  if (!state.ok) return state;
  revalidatePath(`/peers/dispatches/${id}`);
  revalidatePath("/peers/dispatches");
  await setFlash("dispatches.flash.statusChanged");
  return { ok: true };
}
