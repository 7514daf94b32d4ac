"use client";
import { useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import type { z } from "zod";
import { useI18n } from "@/lib/i18n/client";
import { checkFormInBrowser } from "@/lib/validation/client";
import type { FormState } from "@/lib/validation/form";

/**
 * What the case forms share: the action's state, the shared schema run in the browser
 * before sending (its errors kept locally, shown over the server's), the typed values to
 * re-fill after React resets the form, and focus moved to the form message when the server
 * answers with one (a long form is submitted from far below it).
 */
export function useCheckedForm<S extends FormState>(
  action: (prev: Awaited<S>, formData: FormData) => Promise<S>,
  schema: z.ZodType,
  initial: Awaited<S>,
) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, initial);
  const [browserErrors, setBrowserErrors] = useState<Record<string, string> | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!state.ok && state.message) messageRef.current?.focus();
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>): boolean {
    const errors = checkFormInBrowser(schema, event.currentTarget, t);
    if (!errors) {
      setBrowserErrors(null);
      return true;
    }
    event.preventDefault();
    setBrowserErrors(errors);
    // Land on the first field in error, so keyboard and screen-reader users start there.
    const first = Object.keys(errors)[0];
    const field = first ? event.currentTarget.elements.namedItem(first) : null;
    if (field instanceof HTMLElement && field.getAttribute("type") !== "hidden") field.focus();
    else messageRef.current?.focus();
    return false;
  }

  const errors: Record<string, string> = { ...(state.ok ? {} : state.fieldErrors), ...browserErrors };
  const message = browserErrors ? t("validation.failed") : state.ok ? undefined : state.message;
  /** What the user typed, after a failed submit; otherwise the fallback (the field's default). */
  const value = (name: string, fallback?: string): string | undefined => {
    const v = state.ok ? undefined : state.values?.[name];
    return typeof v === "string" ? v : fallback;
  };
  return { state, formAction, pending, onSubmit, errors, message, messageRef, value, hasBrowserErrors: !!browserErrors };
}
