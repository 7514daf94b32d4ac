"use server";
import { regenerateRecoveryCodes } from "@/lib/dal/second-factor";
import { requireActor } from "@/lib/dal/session";
import { getT } from "@/lib/i18n/server";
import { runFormAction } from "@/lib/actions/run-form-action";
import type { FormState } from "@/lib/validation/form";
import { SecondFactorCodeSchema } from "@/lib/validation/second-factor";

export type RegenerateState = FormState & { recoveryCodes?: string[] };

/** New recovery codes (shown once in the answer); needs a current code from the authenticator app. */
export async function regenerateRecoveryCodesAction(_prev: RegenerateState, formData: FormData): Promise<RegenerateState> {
  const actor = await requireActor();
  return runFormAction(formData, SecondFactorCodeSchema, async (input) => {
    const recoveryCodes = regenerateRecoveryCodes(actor, input.code);
    return { ok: true, message: (await getT())("twofa.regenerated"), recoveryCodes } as RegenerateState;
  });
}
