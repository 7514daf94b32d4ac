import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { Actor } from "@/lib/dal/actor";
import { listMunicipalitiesForActor } from "@/lib/dal/org";
import { correctPerson } from "@/lib/dal/persons";
import { SEX_LABELS } from "@/lib/domain/case-codes";
import { setFlash } from "@/lib/flash";
import type { MessageKey } from "@/lib/i18n/translate";
import { PERSON_CORRECTION_FIELDS, PersonCorrectionSchema } from "@/lib/validation/person";
import { codeNames } from "./conflict-wording";
import { runFormAction, type ActionState } from "./run-form-action";

/**
 * The body of the two correction actions (from a case page, from an outreach page): parse with
 * the shared schema, correct through the DAL, word a stale save with the form's labels, then
 * back to the record page with a toast. `messages` is the record form whose labels the fields use.
 */
export async function correctPersonFromForm(actor: Actor, formData: FormData, messages: "caseForm" | "outreach.form", recordPath: (id: string) => string): Promise<ActionState> {
  let recordId = "";
  let changed = 0;
  const state = await runFormAction(
    formData,
    PersonCorrectionSchema,
    async (input) => {
      changed = correctPerson(actor, input).length;
      recordId = input.recordId;
    },
    {
      conflict: (t, locale) => ({
        labels: Object.fromEntries(PERSON_CORRECTION_FIELDS.map((f) => [f, t(`${messages}.fields.${f}` as MessageKey)])),
        names: { sex: codeNames(SEX_LABELS, locale), municipalityCode: new Map(listMunicipalitiesForActor(actor).map((m) => [m.code, m.name])) },
      }),
    },
  );
  if (!state.ok) return state;
  const path = recordPath(recordId);
  revalidatePath(path);
  revalidatePath(path.replace(/\/[^/]+$/, ""));
  await setFlash(changed > 0 ? "personCorrection.saved" : "personCorrection.unchanged", changed > 0 ? "success" : "info");
  redirect(path);
}
