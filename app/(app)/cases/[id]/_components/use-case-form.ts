"use client";
import { useActionState, useEffect, useState, type FormEvent } from "react";
import type { z } from "zod";
import { useI18n } from "@/lib/i18n/client";
import { checkFormInBrowser } from "@/lib/validation/client";
import { initialFormState, type FormState } from "@/lib/validation/form";

export type CaseFormAction = (prev: FormState, formData: FormData) => Promise<FormState>;

/**
 * The plumbing every form of the case page shares: the server action's state, the same
 * schema run in the browser first (its errors kept locally and shown over the server's),
 * the values to re-fill after React resets the form, and a callback after each success
 * (the toast itself comes from the flash the action leaves).
 */
export function useCaseForm(action: CaseFormAction, schema: z.ZodType, options: { onSuccess?: () => void } = {}) {
  const { t } = useI18n();
  const [state, formAction] = useActionState(action, initialFormState);
  const [browserErrors, setBrowserErrors] = useState<Record<string, string> | null>(null);
  const { onSuccess } = options;

  useEffect(() => {
    if (state.ok) onSuccess?.();
    // Only a new state from the server counts; onSuccess may be a fresh closure each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const errors = checkFormInBrowser(schema, event.currentTarget, t);
    if (errors) {
      event.preventDefault();
      setBrowserErrors(errors);
      // Move to the first field in error so keyboard and screen-reader users land on it.
      const first = Object.keys(errors)[0];
      const field = first ? event.currentTarget.elements.namedItem(first) : null;
      if (field instanceof HTMLElement) field.focus();
      else if (field instanceof RadioNodeList && field[0] instanceof HTMLElement) field[0].focus();
    } else {
      setBrowserErrors(null);
    }
  }

  const errors: Record<string, string> = { ...(state.ok ? {} : state.fieldErrors), ...browserErrors };
  const message = browserErrors ? t("validation.failed") : state.ok ? undefined : state.message;
  /** What the user typed, after a failed submit; otherwise the fallback (a field's default). */
  const value = (name: string, fallback?: string): string | undefined => {
    const v = state.ok ? undefined : state.values?.[name];
    return typeof v === "string" ? v : fallback;
  };
  return { state, formAction, onSubmit, errors, message, value };
}

/** An ISO date as people here write it in a text field (2024/04/01); the schemas read it back. */
export function dateInputValue(iso: string | null | undefined): string {
  return iso ? iso.replaceAll("-", "/") : "";
}
