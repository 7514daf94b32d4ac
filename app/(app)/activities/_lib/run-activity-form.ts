import "server-only";
import type { z } from "zod";
import { codeNames, type ConflictWording, type ValueNames } from "@/lib/actions/conflict-wording";
import { runFormAction } from "@/lib/actions/run-form-action";
import type { Label, Locale } from "@/lib/domain/codes";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import type { ActivityFormState } from "./form-state";

/** What an activity form knows about its stored values: code labels and names by id. */
export type ReadableContext = {
  t: Translate;
  locale: Locale;
  /** Code labels per field (kind, scope, …). */
  codes?: Record<string, Readonly<Record<string, Label>>>;
  /** Names per id-valued field (officeId, regionId, kyogiBodyId, cohostIds). */
  names?: Record<string, ValueNames>;
};

/**
 * An activity form's part of a stale save's lines (lib/actions/conflict-wording.ts): the labels
 * under `labelPrefix`, its codes and names, 県 for the prefecture as host, あり / なし for a
 * yes-or-no field.
 */
export function activityConflictWording(labelPrefix: string, ctx: ReadableContext): ConflictWording {
  const { t, locale } = ctx;
  return {
    labels: labelOf(t, labelPrefix),
    names: { ...Object.fromEntries(Object.entries(ctx.codes ?? {}).map(([field, codes]) => [field, codeNames(codes, locale)])), ...ctx.names },
    format: (field, value) => {
      if (field === "officeId" && (value === null || value === "")) return t("activities.common.prefecture");
      if (typeof value === "boolean") return t(value ? "activities.common.yes" : "activities.common.no");
      return undefined;
    },
  };
}

/** runFormAction for the activity forms: a stale save comes back with a line per field someone else changed. */
export async function runActivityForm<S extends z.ZodType>(
  formData: FormData,
  schema: S,
  run: (input: z.infer<S>) => void,
  options: { labelPrefix: string; context: (t: Translate, locale: Locale) => ReadableContext; multi?: readonly string[] },
): Promise<ActivityFormState> {
  return runFormAction(formData, schema, async (input) => run(input), {
    multi: options.multi,
    conflict: (t, locale) => activityConflictWording(options.labelPrefix, options.context(t, locale)),
  });
}

function labelOf(t: Translate, prefix: string): (field: string) => string {
  return (field) => {
    const key = `${prefix}.${field}` as MessageKey;
    const text = t(key);
    return text === key ? field : text;
  };
}
