import "server-only";
import type { z } from "zod";
import { AppError, isAppError } from "@/lib/dal/errors";
import { formatDate } from "@/lib/domain/format";
import type { Locale } from "@/lib/domain/codes";
import { getLocale, getT } from "@/lib/i18n/server";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import { runFormAction } from "@/lib/validation/run-form-action";
import type { ActivityFormState } from "./form-state";

/** How a stored value reads in a conflict line: a label, a name, a date as written here. */
export type ReadableContext = {
  t: Translate;
  locale: Locale;
  /** Code labels per field (kind, scope, …). */
  codes?: Record<string, Readonly<Record<string, Readonly<Record<Locale, string>>>>>;
  /** Names per id-valued field (officeId, regionId, kyogiBodyId, cohostIds). */
  names?: Record<string, Map<string, string>>;
};

export function readableValue(field: string, value: unknown, ctx: ReadableContext): string {
  if (value === null || value === undefined || value === "") {
    return field === "officeId" ? ctx.t("activities.common.prefecture") : ctx.t("activities.common.notRecorded");
  }
  if (typeof value === "boolean") return ctx.t(value ? "activities.common.yes" : "activities.common.no");
  if (Array.isArray(value)) return value.length ? value.map((v) => readableValue(field, v, ctx)).join("、") : ctx.t("activities.common.none");
  const text = String(value);
  const labels = ctx.codes?.[field];
  if (labels) return labels[text]?.[ctx.locale] ?? text;
  const names = ctx.names?.[field];
  if (names) return names.get(text) ?? text;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDate(text, ctx.locale);
  if (typeof value === "number") return value.toLocaleString("ja-JP");
  return text;
}

/**
 * runFormAction for the activity forms, with the conflict turned into readable lines: each
 * field someone else changed since the form was loaded, with its value now.
 */
export async function runActivityForm<S extends z.ZodType>(
  formData: FormData,
  schema: S,
  run: (input: z.infer<S>) => void,
  options: { labelPrefix: string; context: (t: Translate, locale: Locale) => ReadableContext; multi?: readonly string[] },
): Promise<ActivityFormState> {
  const t = await getT();
  const locale = await getLocale();
  let conflictLines: string[] | undefined;
  const state = await runFormAction(
    formData,
    schema,
    async (input) => {
      try {
        run(input);
      } catch (error) {
        if (!isAppError(error) || error.code !== "conflict" || Object.keys(error.conflicts).length === 0) throw error;
        const ctx = options.context(t, locale);
        const label = labelOf(t, options.labelPrefix);
        conflictLines = Object.entries(error.conflicts).map(([field, [, now]]) => t("errors.conflictField", { field: label(field), value: readableValue(field, now, ctx) }));
        throw new AppError("conflict", error.messageKey, error.fieldErrors);
      }
    },
    { multi: options.multi },
  );
  return state.ok ? state : { ...state, conflictLines };
}

export function labelOf(t: Translate, prefix: string): (field: string) => string {
  return (field) => {
    const key = `${prefix}.${field}` as MessageKey;
    const text = t(key);
    return text === key ? field : text;
  };
}
