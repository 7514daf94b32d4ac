"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requirePermission } from "@/lib/dal/session";
import { createUser, resetUserPassword, resetUserSecondFactor, setUserActive, unlockUser, updateUser } from "@/lib/dal/users";
import { setFlash } from "@/lib/flash";
import { codeNames } from "@/lib/actions/conflict-wording";
import { ROLE_LABELS } from "@/lib/domain/codes";
import { listPrefectureOfficesForActor } from "@/lib/dal/org";
import type { FormState } from "@/lib/validation/form";
import { runFormAction } from "@/lib/actions/run-form-action";
import { PasswordResetSchema, UserCreateSchema, UserUpdateSchema } from "@/lib/validation/user";

const MULTI = ["officeIds"] as const;

export async function createUserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requirePermission("manage:user:prefecture");
  let id = "";
  let pending = false;
  const state = await runFormAction(
    formData,
    UserCreateSchema,
    async (input) => {
      ({ id, pending } = await createUser(actor, input));
    },
    { multi: MULTI },
  );
  if (!state.ok) return state;
  revalidatePath("/admin/users");
  await setFlash(pending ? "approvals.users.createdPending" : "users.flash.created");
  redirect(`/admin/users/${id}`);
}

export async function updateUserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requirePermission("manage:user:prefecture");
  let pending = false;
  const state = await runFormAction(formData, UserUpdateSchema, async (input) => void ({ pending } = updateUser(actor, input)), {
    multi: MULTI,
    // A stale save names the role and the offices, not their codes and ids.
    conflict: (t, locale) => ({
      labels: { displayName: t("users.displayName"), role: t("users.role"), officeIds: t("users.offices") },
      names: { role: codeNames(ROLE_LABELS, locale), officeIds: new Map(listPrefectureOfficesForActor(actor).map((o) => [o.id, o.name])) },
    }),
  });
  if (!state.ok) return state;
  revalidatePath("/admin/users");
  await setFlash(pending ? "approvals.users.updatePending" : "users.flash.updated");
  redirect(`/admin/users/${String(formData.get("id"))}`);
}

const ActiveSchema = z.object({ id: z.string().min(1), version: z.coerce.number().int().min(1), active: z.enum(["true", "false"]) });

export async function setUserActiveAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requirePermission("manage:user:prefecture");
  let active = false;
  let pending = false;
  const state = await runFormAction(formData, ActiveSchema, async (input) => {
    active = input.active === "true";
    ({ pending } = setUserActive(actor, input.id, input.version, active));
  });
  if (!state.ok) return state;
  revalidatePath("/admin/users");
  await setFlash(pending ? "approvals.users.reactivatePending" : active ? "users.flash.reactivated" : "users.flash.deactivated");
  redirect(`/admin/users/${String(formData.get("id"))}`);
}

export async function resetPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requirePermission("manage:user:prefecture");
  let pending = false;
  const state = await runFormAction(formData, PasswordResetSchema, async (input) => void ({ pending } = await resetUserPassword(actor, input.id, input.password)));
  if (!state.ok) return state;
  await setFlash(pending ? "approvals.users.passwordResetPending" : "approvals.users.passwordResetDone");
  redirect(`/admin/users/${String(formData.get("id"))}`);
}

const IdSchema = z.object({ id: z.string().min(1) });

export async function resetSecondFactorAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requirePermission("manage:user:prefecture");
  let pending = false;
  const state = await runFormAction(formData, IdSchema, async (input) => void ({ pending } = resetUserSecondFactor(actor, input.id)));
  if (!state.ok) return state;
  await setFlash(pending ? "approvals.users.secondFactorResetPending" : "approvals.users.secondFactorResetDone");
  redirect(`/admin/users/${String(formData.get("id"))}`);
}

export async function unlockUserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requirePermission("manage:user:prefecture");
  const state = await runFormAction(formData, IdSchema, async (input) => unlockUser(actor, input.id));
  if (!state.ok) return state;
  await setFlash("users.flash.unlocked");
  redirect(`/admin/users/${String(formData.get("id"))}`);
}
