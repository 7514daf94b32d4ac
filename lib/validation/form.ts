import type { z } from "zod";

/**
 * What a form action returns. Expected failures come back as field errors and a message
 * (already translated); `values` lets the form re-fill what the user typed after React 19
 * resets it.
 */
export type FormState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string | string[]>;
};

export const initialFormState: FormState = { ok: false };

/**
 * FormData to a plain object; fields in `multi` keep every value as an array. A field sent
 * more than once (a checkbox group) is an array even when not declared, so a browser-side
 * check that does not know the form's multi fields still sees every ticked box. A browser
 * sends a textarea's line breaks as CRLF (HTML's rule); every value is read with LF, so
 * what is stored and compared for conflicts is the same however it was sent.
 */
export function formValues(formData: FormData, multi: readonly string[] = []): Record<string, string | string[]> {
  // A Map, then fromEntries: an assignment `values[key] = …` with a field named __proto__ would
  // replace the object's prototype instead of adding the field (found by tests/properties).
  const values = new Map<string, string | string[]>();
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = formData
      .getAll(key)
      .filter((v): v is string => typeof v === "string")
      .map((v) => v.replace(/\r\n?/g, "\n"));
    values.set(key, multi.includes(key) || all.length > 1 ? all : (all[0] ?? ""));
  }
  for (const key of multi) if (!values.has(key)) values.set(key, []);
  return Object.fromEntries(values);
}

/** Passwords are never sent back to the browser. */
export function withoutSecrets(values: Record<string, string | string[]>): Record<string, string | string[]> {
  const copy = { ...values };
  for (const key of ["password", "confirm", "current"]) delete copy[key];
  return copy;
}

/** The first issue per field, as message keys (`{ username: "validation.username.format" }`). */
export function fieldErrorKeys(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return errors;
}
