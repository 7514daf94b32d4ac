"use server";
import { correctPersonFromForm } from "@/lib/actions/correct-person";
import { requirePermission } from "@/lib/dal/session";
import type { PersonCorrectionState } from "@/components/cases/person-correction-form";

/** Correct the person of a case (ADR 0028); the DAL checks the case, the person and both permissions. */
export async function correctCasePersonAction(_prev: PersonCorrectionState, formData: FormData): Promise<PersonCorrectionState> {
  const actor = await requirePermission("write:case:reach");
  // The page decides which record the correction is made from, not the form.
  formData.set("from", "case");
  return correctPersonFromForm(actor, formData, "caseForm", (id) => `/cases/${id}`);
}
