"use server";
import { signOut } from "@/lib/auth/auth";
import { requireActor } from "@/lib/dal/session";
import { changeOwnPassword } from "@/lib/dal/users";
import { signOutEverywhere } from "@/lib/dal/auth";
import type { FormState } from "@/lib/validation/form";
import { runFormAction } from "@/lib/actions/run-form-action";
import { OwnPasswordSchema } from "@/lib/validation/user";

export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  const state = await runFormAction(formData, OwnPasswordSchema, (input) => changeOwnPassword(actor, input.current, input.password));
  if (!state.ok) return state;
  // The new sessionVersion has already ended this session in the database; clear the cookie too.
  await signOut({ redirectTo: "/login?reason=ended" });
  return state;
}

/** "Sign out everywhere": every session of this account ends, this one included. */
export async function signOutEverywhereAction(): Promise<void> {
  const actor = await requireActor();
  signOutEverywhere(actor);
  await signOut({ redirectTo: "/login?signedOut=1" });
}
