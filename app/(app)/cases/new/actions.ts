"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createCase } from "@/lib/dal/cases";
import { findPersonMatchesForActor, type PersonMatches } from "@/lib/dal/person-lookup";
import { requirePermission } from "@/lib/dal/session";
import { setFlash } from "@/lib/flash";
import { getT } from "@/lib/i18n/server";
import { CaseCreateSchema } from "@/lib/validation/case";
import { formValues } from "@/lib/validation/form";
import { runFormAction } from "@/lib/actions/run-form-action";
import type { NewCaseState } from "../_form/types";

/**
 * Open a case. Unless the user has already seen them (confirmDuplicates=yes), persons of the
 * prefecture with the same kana and birth year-month are listed first and nothing is saved
 * (the check refuses an office out of reach before looking, and is audited and throttled).
 */
export async function createCaseAction(_prev: NewCaseState, formData: FormData): Promise<NewCaseState> {
  const actor = await requirePermission("write:case:reach");
  // Set inside the callback; the cast keeps TypeScript from narrowing it to null here.
  let duplicates = null as PersonMatches | null;
  let id = "";
  const state = await runFormAction(formData, CaseCreateSchema, async (input) => {
    // A case for a person already known (a re-referral) needs no check: that person is chosen.
    const person = input.person;
    if (person.mode === "new" && input.confirmDuplicates !== "yes") {
      const birthYearMonth = person.dateOfBirth ? person.dateOfBirth.slice(0, 7) : person.birthYearMonth;
      const found = findPersonMatchesForActor(actor, { purpose: "case", officeId: input.officeId, kana: person.familyNameKana + person.givenNameKana, birthYearMonth });
      if (found.known.length + found.elsewhere.length > 0) {
        duplicates = found;
        return { ok: false };
      }
    }
    ({ id } = createCase(actor, input));
  });
  if (duplicates && !state.ok) {
    const t = await getT();
    // Every typed value goes back, so the confirmation sends exactly what was checked.
    return { ok: false, message: t("caseForm.duplicates.banner"), values: formValues(formData), duplicates };
  }
  if (!state.ok) return state;
  revalidatePath("/cases");
  await setFlash("caseForm.flash.created");
  redirect(`/cases/${id}`);
}
