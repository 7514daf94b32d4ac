import type { z } from "zod";
import type { Translate } from "@/lib/i18n/translate";
import { fieldErrorKeys, formValues } from "./form";
import { translateKey } from "./message-vars";

/**
 * How a browser form gets its shared schema: a dynamic import, so zod and the schemas are not
 * part of the page's first load (ADR 0053), e.g.
 * `() => import("@/lib/validation/case").then((m) => m.CaseCreateSchema)`.
 */
export type SchemaLoader = () => Promise<z.ZodType>;

/**
 * Load a form's schema in the browser. zod-browser.ts (zod's jitless switch, which the CSP needs:
 * ADR 0036) is imported and run first, before the schema's module builds a single schema.
 */
export function loadBrowserSchema(loader: SchemaLoader): Promise<z.ZodType> {
  return import("./zod-browser").then(() => loader());
}

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
