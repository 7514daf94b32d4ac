"use server";
import { signOut } from "@/lib/auth/auth";
import { requirePasswordChangeActor } from "@/lib/dal/session";
import { changeOwnPassword } from "@/lib/dal/users";
import type { FormState } from "@/lib/validation/form";
import { runFormAction } from "@/lib/actions/run-form-action";
import { OwnPasswordSchema } from "@/lib/validation/user";

/** Replace a one-time (admin-set) password (ADR 0039); the session ends and the holder signs in anew. */
export async function changeOneTimePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requirePasswordChangeActor();
  const state = await runFormAction(formData, OwnPasswordSchema, (input) => changeOwnPassword(actor, input.current, input.password));
  if (!state.ok) return state;
  await signOut({ redirectTo: "/login?reason=passwordChanged" });
  return state;
}
