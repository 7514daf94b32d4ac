import "server-only";
import type { z } from "zod";
import { isAppError } from "@/lib/dal/errors";
import type { Locale } from "@/lib/domain/codes";
import { getLocale, getT } from "@/lib/i18n/server";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import { fieldErrorKeys, formValues, withoutSecrets, type FormState } from "@/lib/validation/form";
import { translateKey } from "@/lib/validation/message-vars";
import { conflictLead, conflictLines, type ConflictWording } from "./conflict-wording";

/** What a form action returns; a stale save also brings one line per field someone else changed. */
export type ActionState = FormState & { conflictLines?: string[]; conflictBy?: string };

export type RunOptions = {
  /** Fields sent as lists (checkbox groups), kept as arrays even with one or no value. */
  multi?: readonly string[];
  /**
   * The form's words for a stale save's fields and values (labels, code and id names). Asked
   * only when a conflict comes back, so its look-ups cost nothing on a normal save.
   */
  conflict?: (t: Translate, locale: Locale) => ConflictWording;
};

/**
 * The common body of a form action: parse FormData with the shared schema, run the DAL call,
 * and turn expected failures (validation, AppError) into a translated state. A conflict's
 * fields become lines in the one wording of lib/actions/conflict-wording.ts: in
 * `conflictLines` for a form that lists them, and after the message for one that shows only
 * the message. Everything else is rethrown, so redirect() and notFound() keep working and bugs
 * surface.
 */
export async function runFormAction<S extends z.ZodType>(
  formData: FormData,
  schema: S,
  run: (input: z.infer<S>) => Promise<FormState | void>,
  options: RunOptions = {},
): Promise<ActionState> {
  const t = await getT();
  const values = formValues(formData, options.multi);
  const back = withoutSecrets(values);
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    return { ok: false, message: t("validation.failed"), fieldErrors: translateAll(t, fieldErrorKeys(parsed.error)), values: back };
  }
  try {
    return (await run(parsed.data)) ?? { ok: true };
  } catch (error) {
    if (!isAppError(error)) throw error;
    const lines = Object.keys(error.conflicts).length ? await linesOf(error.conflicts, options.conflict, t) : [];
    // A stale save whose winner is known names them (or says it was the user's other tab).
    const by = error.savedBy ? conflictLead(error.savedBy, t) : undefined;
    return {
      ok: false,
      message: [by ?? t(error.messageKey as MessageKey), ...lines].join(" "),
      fieldErrors: translateAll(t, error.fieldErrors),
      values: back,
      ...(lines.length ? { conflictLines: lines } : {}),
      ...(by ? { conflictBy: by } : {}),
    };
  }
}

async function linesOf(conflicts: Record<string, [unknown, unknown]>, wording: RunOptions["conflict"], t: Translate): Promise<string[]> {
  const locale = await getLocale();
  return conflictLines(conflicts, wording?.(t, locale) ?? {}, t, locale);
}

function translateAll(t: Translate, keys: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(keys).map(([field, key]) => [field, translateKey(t, key)]));
}
