import type { z } from "zod";
import type { Translate } from "@/lib/i18n/translate";
import { fieldErrorKeys, formValues } from "./form";
import { translateKey } from "./message-vars";

/**
 * Run the shared schema in the browser before a form is sent, so the user sees the same
 * messages the server would give without a round trip. The server checks again regardless.
 * Returns translated field errors, or null when the form is valid.
 */
export function checkFormInBrowser(
  schema: z.ZodType,
  form: HTMLFormElement,
  t: Translate,
  multi: readonly string[] = [],
): Record<string, string> | null {
  const result = schema.safeParse(formValues(new FormData(form), multi));
  if (result.success) return null;
  return Object.fromEntries(Object.entries(fieldErrorKeys(result.error)).map(([field, key]) => [field, translateKey(t, key)]));
}
