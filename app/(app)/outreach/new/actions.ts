"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createOutreachCase } from "@/lib/dal/outreach";
import { findPersonMatchesForActor, searchPersonsForActor, type PersonMatches } from "@/lib/dal/person-lookup";
import { isAppError } from "@/lib/dal/errors";
import { requirePermission } from "@/lib/dal/session";
import { setFlash } from "@/lib/flash";
import { getT } from "@/lib/i18n/server";
import type { MessageKey } from "@/lib/i18n/translate";
import { formValues } from "@/lib/validation/form";
import { OUTREACH_MULTI_FIELDS, OutreachCreateSchema } from "@/lib/validation/outreach";
import { runFormAction } from "@/lib/actions/run-form-action";
import type { NewOutreachState, PersonSearchResult } from "../_form/types";

/**
 * Register a referral. For a new person, unless the user has already seen them
 * (confirmDuplicates=yes), persons of the prefecture with the same kana and birth month are
 * listed first and nothing is saved (the check refuses an office out of reach before looking,
 * and is audited and throttled).
 */
export async function createOutreachCaseAction(_prev: NewOutreachState, formData: FormData): Promise<NewOutreachState> {
  const actor = await requirePermission("write:outreach:reach");
  // Set inside the callback; the cast keeps TypeScript from narrowing it to null here.
  let duplicates = null as PersonMatches | null;
  let id = "";
  const state = await runFormAction(
    formData,
    OutreachCreateSchema,
    async (input) => {
      if (input.person.mode === "new" && input.confirmDuplicates !== "yes") {
        const p = input.person;
        const birthYearMonth = p.dateOfBirth ? p.dateOfBirth.slice(0, 7) : p.birthYearMonth;
        const found = findPersonMatchesForActor(actor, { purpose: "outreach", officeId: input.officeId, kana: p.familyNameKana + p.givenNameKana, birthYearMonth });
        if (found.known.length + found.elsewhere.length > 0) {
          duplicates = found;
          return { ok: false };
        }
      }
      ({ id } = createOutreachCase(actor, input));
    },
    { multi: OUTREACH_MULTI_FIELDS },
  );
  if (duplicates && !state.ok) {
    const t = await getT();
    // Every typed value goes back, so the confirmation sends exactly what was checked.
    return { ok: false, message: t("outreach.form.duplicates.banner"), values: formValues(formData, OUTREACH_MULTI_FIELDS), duplicates };
  }
  if (!state.ok) return state;
  revalidatePath("/outreach");
  await setFlash("outreach.form.flash.created");
  redirect(`/outreach/${id}`);
}

/** The person picker's search: persons the actor sees (a record in reach), by kana (audited in the DAL). */
export async function searchOutreachPersonsAction(q: string): Promise<PersonSearchResult> {
  const actor = await requirePermission("write:outreach:reach");
  const t = await getT();
  const query = typeof q === "string" ? q.trim().slice(0, 40) : "";
  if (query.length < 2) return { ok: false, message: t("outreach.form.personSearch.tooShort") };
  try {
    const persons = searchPersonsForActor(actor, "outreach", query);
    return { ok: true, persons };
  } catch (error) {
    if (isAppError(error)) return { ok: false, message: t(error.messageKey as MessageKey) };
    throw error;
  }
}
