"use client";
import { useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { useI18n } from "@/lib/i18n/client";
import { checkFormInBrowser, type SchemaLoader } from "@/lib/validation/client";
import { initialFormState, type FormState } from "@/lib/validation/form";
import { useBrowserSchema } from "./use-browser-schema";

export type FormAction<S extends FormState = FormState> = (prev: Awaited<S>, formData: FormData) => Promise<S>;

/**
 * The plumbing every form shares: the action's state, the shared schema run in the browser
 * before sending (its errors kept locally, shown over the server's; the schema is loaded by
 * `loadSchema` once the user starts working with the form, and a submit before it has arrived
 * goes to the server, which answers with the same messages: ADR 0053), the typed values to
 * re-fill after React resets the form, focus moved to the form message when the server
 * answers with one (a long form is submitted from far below it), and a callback after each
 * success (forms that stay on the page clear themselves there; the toast comes from the flash).
 */
export function useCheckedForm<S extends FormState = FormState>(
  action: FormAction<S>,
  loadSchema: SchemaLoader,
  options: { initial?: Awaited<S>; onSuccess?: () => void; multi?: readonly string[] } = {},
) {
  const { t } = useI18n();
  const [state, formAction, pending] = useActionState(action, options.initial ?? (initialFormState as Awaited<S>));
  const [browserErrors, setBrowserErrors] = useState<Record<string, string> | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const schema = useBrowserSchema(loadSchema);
  const { onSuccess } = options;

  useEffect(() => {
    if (state.ok) onSuccess?.();
    else if (state.message) messageRef.current?.focus();
    // Only a new state from the server counts; onSuccess may be a fresh closure each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>): boolean {
    const loaded = schema();
    const errors = loaded && checkFormInBrowser(loaded, event.currentTarget, t, options.multi);
    if (!errors) {
      setBrowserErrors(null);
      return true;
    }
    event.preventDefault();
    setBrowserErrors(errors);
    // Land on the first field in error as the form shows them (not in the schema's order, which
    // need not follow the page), so keyboard and screen-reader users start at the top.
    const first = Array.from(event.currentTarget.elements).find(
      (el): el is HTMLElement => el instanceof HTMLElement && "name" in el && typeof el.name === "string" && el.name in errors && el.getAttribute("type") !== "hidden",
    );
    if (first) first.focus();
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
  /** A multi-value field (checkbox group) as typed, after a failed submit; otherwise the fallback. */
  const values = (name: string, fallback: string[] = []): string[] => {
    const v = state.ok ? undefined : state.values?.[name];
    return Array.isArray(v) ? v : typeof v === "string" ? [v] : fallback;
  };
  return { state, formAction, pending, onSubmit, errors, message, messageRef, value, values, hasBrowserErrors: !!browserErrors };
}

// Forms that fill date fields import it from here with the hook; server pages from its own module.
export { dateInputValue } from "./date-input-value";
