import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import type { ConflictWording } from "@/lib/actions/conflict-wording";
import type { Locale } from "@/lib/domain/codes";
import { fiscalYearOf } from "@/lib/domain/fiscal-year";
import { setFlash } from "@/lib/flash";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import { ActivityDeleteSchema } from "@/lib/validation/activities";
import type { FormState } from "@/lib/validation/form";
import { runFormAction } from "@/lib/actions/run-form-action";
import type { ActivityFormState } from "./form-state";
import { runActivityForm, type ReadableContext } from "./run-activity-form";

/*
 * The tails the activity actions share, after each action has checked its actor: a saved change
 * refreshes every page of the section and says so on the next page (the flash); a failed one
 * returns its state so the form shows it. Each action stays a thin call of one DAL function.
 */

/** A saved change: every activity page shows it, and the page the user lands on says so. */
export async function saved(flash: MessageKey, href: string): Promise<never> {
  revalidatePath("/activities", "layout");
  await setFlash(flash);
  redirect(href);
}

/**
 * Record a new meeting, training or event. "Save and enter the next" opens a new form copied
 * from it; otherwise the list of the record's fiscal year.
 */
export async function createRecord<S extends z.ZodType<{ date: string }>>(
  formData: FormData,
  schema: S,
  create: (input: z.infer<S>) => { id: string },
  section: "meetings" | "trainings" | "events",
  multi?: readonly string[],
): Promise<ActivityFormState> {
  let created: { id: string; date: string } | null = null;
  const state = await runFormAction(
    formData,
    schema,
    async (input) => {
      created = { id: create(input).id, date: input.date };
    },
    { multi },
  );
  if (!state.ok || !created) return state;
  const { id, date } = created as { id: string; date: string };
  return saved("activities.common.flash.created", formData.get("next") === "new" ? `/activities/${section}/new?copy=${id}` : `/activities/${section}?fy=${fiscalYearOf(date)}`);
}

/** Save an edit; a stale one comes back with a line per field someone else changed. */
export async function updateRecord<S extends z.ZodType>(
  formData: FormData,
  schema: S,
  update: (input: z.infer<S>) => void,
  options: { labelPrefix: string; context: (t: Translate, locale: Locale) => ReadableContext; multi?: readonly string[]; then: (input: z.infer<S>) => string },
): Promise<ActivityFormState> {
  let href = "";
  const state = await runActivityForm(
    formData,
    schema,
    (input) => {
      update(input);
      href = options.then(input);
    },
    options,
  );
  if (!state.ok) return state;
  return saved("activities.common.flash.updated", href);
}

/**
 * Delete after the dialog's confirmation, at the version the user saw; then back to the list. A
 * record of a locked year also needs the dialog's 訂正の理由 (ADR 0025), handed on as `reason`.
 */
export async function deleteRecord(formData: FormData, remove: (id: string, version: number, reason: string | undefined) => void, listHref: string): Promise<FormState> {
  const state = await runFormAction(formData, ActivityDeleteSchema, async (input) => remove(input.id, input.version, input.restatementReason));
  if (!state.ok) return state;
  return saved("activities.common.flash.deleted", listHref);
}

/**
 * Save a fiscal year's table at once (the municipal 協議の場 status, a monthly report). A row
 * someone else saved since the form was loaded stops the whole save: the answer is the table's
 * conflict message with one line per such row (named by `conflict`'s labels) and its value now.
 * Then back to the year's page.
 */
export async function saveYearTable<S extends z.ZodType<{ fiscalYear: number }>>(
  formData: FormData,
  schema: S,
  save: (input: z.infer<S>) => { changed: number },
  options: {
    /** The table's words for its rows and their values now (see ConflictWording). */
    conflict: (input: z.infer<S>, t: Translate, locale: Locale) => ConflictWording;
    then: (fiscalYear: number) => string;
  },
): Promise<ActivityFormState> {
  let submitted: z.infer<S> | undefined;
  let changed = 0;
  const state = await runFormAction(
    formData,
    schema,
    async (input) => {
      submitted = input;
      changed = save(input).changed;
    },
    { conflict: (t, locale) => (submitted ? options.conflict(submitted, t, locale) : {}) },
  );
  if (!state.ok || !submitted) return state;
  return saved(changed > 0 ? "activities.common.flash.tableSaved" : "activities.common.flash.noChanges", options.then(submitted.fiscalYear));
}
