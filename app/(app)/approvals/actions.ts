"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/dal/session";
import { decideAccountChange } from "@/lib/dal/account-changes";
import { setFlash } from "@/lib/flash";
import type { FormState } from "@/lib/validation/form";
import { runFormAction } from "@/lib/actions/run-form-action";
import { AccountChangeDecisionSchema } from "@/lib/validation/account-change";

/** Approve or reject an admin's account change (ADR 0039); the DAL checks reach, self and staleness. */
export async function decideAccountChangeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requirePermission("approve:account:reach");
  let approved = false;
  const state = await runFormAction(formData, AccountChangeDecisionSchema, async (input) => {
    approved = input.decision === "approve";
    decideAccountChange(actor, input);
  });
  if (!state.ok) return state;
  revalidatePath("/approvals");
  revalidatePath("/admin/users");
  await setFlash(approved ? "approvals.flash.approved" : "approvals.flash.rejected");
  const back = String(formData.get("back") ?? "");
  redirect(back.startsWith("/admin/users/") ? back : "/approvals");
}
