"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createCase, findPossibleDuplicatesForActor, type PossibleDuplicate } from "@/lib/dal/cases";
import { requirePermission } from "@/lib/dal/session";
import { setFlash } from "@/lib/flash";
import { getT } from "@/lib/i18n/server";
import { CaseCreateSchema } from "@/lib/validation/case";
import { formValues } from "@/lib/validation/form";
import { runFormAction } from "@/lib/actions/run-form-action";
import type { NewCaseState } from "../_form/types";

/**
 * Open a case. Unless the user has already seen them (confirmDuplicates=yes), persons of the
 * prefecture with the same kana and birth year-month are listed first and nothing is saved.
 */
export async function createCaseAction(_prev: NewCaseState, formData: FormData): Promise<NewCaseState> {
  const actor = await requirePermission("write:case:reach");
  let duplicates: PossibleDuplicate[] = [];
  let id = "";
  const state = await runFormAction(formData, CaseCreateSchema, async (input) => {
    if (input.confirmDuplicates !== "yes") {
      const birthYearMonth = input.dateOfBirth ? input.dateOfBirth.slice(0, 7) : input.birthYearMonth;
      duplicates = findPossibleDuplicatesForActor(actor, input.familyNameKana + input.givenNameKana, birthYearMonth);
      if (duplicates.length > 0) return { ok: false };
    }
    ({ id } = createCase(actor, input));
  });
  if (duplicates.length > 0 && !state.ok) {
    const t = await getT();
    // Every typed value goes back, so the confirmation sends exactly what was checked.
    return { ok: false, message: t("caseForm.duplicates.banner"), values: formValues(formData), duplicates };
  }
  if (!state.ok) return state;
  revalidatePath("/cases");
  await setFlash("caseForm.flash.created");
  redirect(`/cases/${id}`);
}
