import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { AppError, isAppError } from "@/lib/dal/errors";
import type { Label, Locale } from "@/lib/domain/codes";
import { formatReferenceDate } from "@/lib/domain/statistic-rules";
import { setFlash } from "@/lib/flash";
import { getLocale, getT } from "@/lib/i18n/server";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import type { FormState } from "@/lib/validation/form";
import { runFormAction } from "@/lib/validation/run-form-action";
import type { InputFormState } from "./form-state";

/*
 * The tails the sheet-input actions share, after each action has checked its actor (the same
 * shape as the activities'): parse with the shared schema, one DAL call, then refresh the
 * section and land on the next page with a flash. A stale save comes back with one line per
 * field someone else changed and its value now.
 */

/** A saved change: every page under /indicators shows it, and the page the user lands on says so. */
export async function saved(flash: MessageKey, href: string): Promise<never> {
  revalidatePath("/indicators", "layout");
  await setFlash(flash);
  redirect(href);
}

/** How a stored value reads in a conflict line: a code's label, a name, a date in 和暦, a figure. */
export type Readable = {
  /** The field's label. */
  label: (field: string, t: Translate, locale: Locale) => string;
  /** Code labels or names per field (method, scope, planPeriodId …; a boolean's as "true" / "false"). */
  names?: Record<string, Readonly<Record<string, string>>>;
};

/** A code list's labels in one language, as Readable.names wants them. */
export function codeNames(codes: Readonly<Record<string, Label>>, locale: Locale): Record<string, string> {
  return Object.fromEntries(Object.entries(codes).map(([code, label]) => [code, label[locale]]));
}

export function readableValue(field: string, value: unknown, t: Translate, locale: Locale, readable: Readable): string {
  if (value === null || value === undefined || value === "") return t("indicatorInputs.common.notRecorded");
  const text = String(value);
  const name = readable.names?.[field]?.[text];
  if (name) return name;
  if (typeof value === "boolean") return t(value ? "indicatorInputs.sheet.facts.yes" : "indicatorInputs.sheet.facts.no");
  if (typeof value === "number") return value.toLocaleString("ja-JP");
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return formatReferenceDate(text, locale);
  return text;
}

/**
 * runFormAction with the conflict turned into readable lines (each field someone else changed
 * since the form was loaded, with its value now).
 */
export async function runInputForm<S extends z.ZodType>(formData: FormData, schema: S, run: (input: z.infer<S>) => void, readable: Readable): Promise<InputFormState> {
  const t = await getT();
  const locale = await getLocale();
  let conflictLines: string[] | undefined;
  const state = await runFormAction(formData, schema, async (input) => {
    try {
      run(input);
    } catch (error) {
      if (!isAppError(error) || error.code !== "conflict" || Object.keys(error.conflicts).length === 0) throw error;
      conflictLines = Object.entries(error.conflicts).map(([field, [, now]]) => t("errors.conflictField", { field: readable.label(field, t, locale), value: readableValue(field, now, t, locale, readable) }));
      throw new AppError("conflict", error.messageKey, error.fieldErrors);
    }
  });
  return state.ok ? state : { ...state, conflictLines };
}

/** Save a form and land on `href` with the flash; a failure returns its state to the form. */
export async function saveInput<S extends z.ZodType>(
  formData: FormData,
  schema: S,
  run: (input: z.infer<S>) => void,
  /** `flash` may be chosen after the save (「変更はありませんでした」 when nothing changed). */
  options: { readable: Readable; flash: MessageKey | (() => MessageKey); then: (input: z.infer<S>) => string },
): Promise<InputFormState> {
  let href = "";
  const state = await runInputForm(
    formData,
    schema,
    (input) => {
      run(input);
      href = options.then(input);
    },
    options.readable,
  );
  if (!state.ok) return state;
  return saved(typeof options.flash === "function" ? options.flash() : options.flash, href);
}

/** Delete after the dialog's confirmation, at the version the user saw; then back to the list. */
export async function deleteInput<S extends z.ZodType<{ id: string; version: number }>>(formData: FormData, schema: S, remove: (id: string, version: number) => void, listHref: string): Promise<FormState> {
  const state = await runFormAction(formData, schema, async (input) => remove(input.id, input.version));
  if (!state.ok) return state;
  return saved("indicatorInputs.common.flash.deleted", listHref);
}
