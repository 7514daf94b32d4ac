import "server-only";
import type { z } from "zod";
import { isAppError } from "@/lib/dal/errors";
import { getT } from "@/lib/i18n/server";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import { fieldErrorKeys, formValues, withoutSecrets, type FormState } from "./form";

/**
 * The common body of a form action: parse FormData with the shared schema, run the DAL
 * call, and turn expected failures (validation, AppError) into a translated FormState.
 * Everything else is rethrown, so redirect() and notFound() keep working and bugs surface.
 */
export async function runFormAction<S extends z.ZodType>(
  formData: FormData,
  schema: S,
  run: (input: z.infer<S>) => Promise<FormState | void>,
  options: { multi?: readonly string[]; fieldLabels?: Record<string, string> } = {},
): Promise<FormState> {
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
    const conflictLines = Object.entries(error.conflicts).map(([field, [, now]]) =>
      t("errors.conflictField", { field: options.fieldLabels?.[field] ?? field, value: Array.isArray(now) ? now.join(", ") : String(now ?? "") }),
    );
    return {
      ok: false,
      message: [t(error.messageKey as MessageKey), ...conflictLines].join(" "),
      fieldErrors: translateAll(t, error.fieldErrors),
      values: back,
    };
  }
}

function translateAll(t: Translate, keys: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(keys).map(([field, key]) => [field, t(key as MessageKey)]));
}
