"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { addPeerTraining, createPeer, getPeerFormOptionsForActor, removePeerTraining, renewPeer, setPeerStatus, updatePeer } from "@/lib/dal/peers";
import { requirePermission } from "@/lib/dal/session";
import { setFlash } from "@/lib/flash";
import type { MessageKey } from "@/lib/i18n/translate";
import type { FormState } from "@/lib/validation/form";
import { PeerCreateSchema, PeerRenewSchema, PeerStatusSchema, PeerTrainingRemoveSchema, PeerTrainingSchema, PeerUpdateSchema } from "@/lib/validation/peer";
import { runFormAction } from "@/lib/actions/run-form-action";
import { z } from "zod";
import { peerConflictWording } from "./_components/peer-labels";

/*
 * The registry's actions: validate with the shared schema, make one DAL call, then go to (or
 * stay on) the peer's page with a toast. The DAL checks that the peer is in the actor's reach.
 */

const MULTI = ["activities", "regionIds"] as const;

export async function createPeerAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requirePermission("write:peer:reach");
  let id = "";
  const state = await runFormAction(formData, PeerCreateSchema, async (input) => {
    ({ id } = createPeer(actor, input));
  }, { multi: MULTI });
  if (!state.ok) return state;
  revalidatePath("/peers");
  await setFlash("peers.flash.created");
  redirect(`/peers/${id}`);
}

export async function updatePeerAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requirePermission("write:peer:reach");
  let id = "";
  const state = await runFormAction(
    formData,
    PeerUpdateSchema,
    async (input) => {
      updatePeer(actor, input);
      id = input.id;
    },
    {
      multi: MULTI,
      // Say what the other person saved in words (labels, region names), not codes.
      conflict: (t, locale) => peerConflictWording(t, locale, new Map(getPeerFormOptionsForActor(actor).regions.map((r) => [r.id, r.name]))),
    },
  );
  if (!state.ok) return state;
  revalidatePath(`/peers/${id}`);
  await setFlash("peers.flash.updated");
  redirect(`/peers/${id}`);
}

/** Stay on the peer's page: it is rendered again and the flash becomes a toast. */
async function onPeer<S extends z.ZodType<{ id: string } | { peerId: string }>>(
  formData: FormData,
  schema: S,
  run: (input: z.infer<S>) => void,
  flash: MessageKey,
): Promise<FormState> {
  let peerId = "";
  const state = await runFormAction(formData, schema, async (input) => {
    run(input);
    peerId = "id" in input ? input.id : input.peerId;
  });
  if (!state.ok) return state;
  revalidatePath(`/peers/${peerId}`);
  revalidatePath("/peers");
  await setFlash(flash);
  return { ok: true };
}

export async function setPeerStatusAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requirePermission("write:peer:reach");
  return onPeer(formData, PeerStatusSchema, (input) => setPeerStatus(actor, input.id, input.version, input.status), "peers.flash.statusChanged");
}

export async function renewPeerAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requirePermission("write:peer:reach");
  return onPeer(formData, PeerRenewSchema, (input) => renewPeer(actor, input.id, input.version, input.fiscalYear), "peers.flash.renewed");
}

export async function addPeerTrainingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requirePermission("write:peer:reach");
  return onPeer(formData, PeerTrainingSchema, (input) => addPeerTraining(actor, input), "peers.flash.trainingAdded");
}

export async function removePeerTrainingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requirePermission("write:peer:reach");
  return onPeer(
    formData,
    PeerTrainingRemoveSchema,
    (input) => removePeerTraining(actor, input.peerId, input.trainingId, { restatementReason: input.restatementReason }),
    "peers.flash.trainingRemoved",
  );
}
