"use server";
import { correctPersonFromForm } from "@/lib/actions/correct-person";
import { requirePermission } from "@/lib/dal/session";
import type { PersonCorrectionState } from "@/components/cases/person-correction-form";

/** Correct the person of an outreach case (ADR 0028); the DAL checks the case, the person and both permissions. */
export async function correctOutreachPersonAction(_prev: PersonCorrectionState, formData: FormData): Promise<PersonCorrectionState> {
  const actor = await requirePermission("write:outreach:reach");
  // The page decides which record the correction is made from, not the form.
  formData.set("from", "outreach");
  return correctPersonFromForm(actor, formData, "outreach.form", (id) => `/outreach/${id}`);
}
