import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import type { ConflictWording } from "@/lib/actions/conflict-wording";
import type { Locale } from "@/lib/domain/codes";
import { formatReferenceDate } from "@/lib/domain/statistic-rules";
import { setFlash } from "@/lib/flash";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import type { FormState } from "@/lib/validation/form";
import { runFormAction } from "@/lib/actions/run-form-action";
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

/** An input form's words for a stale save's fields and values (see ConflictWording). */
export type InputWording = (t: Translate, locale: Locale) => ConflictWording;

/**
 * runFormAction with the conflict turned into readable lines (each field someone else changed
 * since the form was loaded, with its value now); a date reads as the sheet writes it (和暦).
 */
export async function runInputForm<S extends z.ZodType>(formData: FormData, schema: S, run: (input: z.infer<S>) => void, wording: InputWording): Promise<InputFormState> {
  return runFormAction(formData, schema, async (input) => run(input), {
    conflict: (t, locale) => {
      const own = wording(t, locale);
      const format = (field: string, value: unknown) => {
        const words = own.format?.(field, value);
        if (words !== undefined) return words;
        return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatReferenceDate(value, locale) : undefined;
      };
      return { ...own, format };
    },
  });
}

/** Save a form and land on `href` with the flash; a failure returns its state to the form. */
export async function saveInput<S extends z.ZodType>(
  formData: FormData,
  schema: S,
  run: (input: z.infer<S>) => void,
  /** `flash` may be chosen after the save (「変更はありませんでした」 when nothing changed). */
  options: { conflict: InputWording; flash: MessageKey | (() => MessageKey); then: (input: z.infer<S>) => string },
): Promise<InputFormState> {
  let href = "";
  const state = await runInputForm(
    formData,
    schema,
    (input) => {
      run(input);
      href = options.then(input);
    },
    options.conflict,
  );
  if (!state.ok) return state;
  return saved(typeof options.flash === "function" ? options.flash() : options.flash, href);
}

/**
 * Delete after the dialog's confirmation, at the version the user saw; then back to the list.
 * `remove` also gets the whole parsed input (a 訂正の理由 for a locked year, ADR 0025).
 */
export async function deleteInput<S extends z.ZodType<{ id: string; version: number }>>(
  formData: FormData,
  schema: S,
  remove: (id: string, version: number, input: z.infer<S>) => void,
  listHref: string,
): Promise<FormState> {
  const state = await runFormAction(formData, schema, async (input) => remove(input.id, input.version, input));
  if (!state.ok) return state;
  return saved("indicatorInputs.common.flash.deleted", listHref);
}
