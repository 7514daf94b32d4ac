"use client";
import clsx from "clsx";
import type { FormEvent, ReactNode } from "react";
import type { z } from "zod";
import { FormAnswer } from "@/components/activities/form-answer";
import { enterSubmits } from "@/components/forms/enter-submits";
import { useCheckedForm } from "@/components/forms/use-checked-form";
import { ButtonLink } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { translateMessage, translateMessages } from "@/lib/validation/message-vars";
import type { InputFormState } from "./form-state";

/*
 * What the sheet-input forms share (the activities' record form, for these pages): the checked
 * form with its values re-filled after a failed save, messages with their figures translated
 * (the 630 sums), the answer above the fields, an edit's version fields and the buttons.
 */

export type InputFormAction = (prev: InputFormState, formData: FormData) => Promise<InputFormState>;
/** What an edit sends back: the version it started from and the values it was loaded with (for the conflict report). */
export type EditedInput = { id: string; version: number; base: string };

/** useCheckedForm with `v(name)` (the typed value after a failed save, else the default), `label(field)` and the errors in words. */
export function useInputForm(action: InputFormAction, schema: z.ZodType, defaults: Record<string, string>, labelPrefix: string) {
  const { t } = useI18n();
  const form = useCheckedForm(action, schema);
  const v = (name: string): string => form.value(name, defaults[name] ?? "") ?? "";
  const label = (field: string) => t(`${labelPrefix}.${field}` as MessageKey);
  return { ...form, errors: translateMessages(t, form.errors), message: translateMessage(t, form.message), v, label };
}

/** The form: the answer above, the required-fields note, an edit's version fields, the fields, then save and cancel. */
export function InputForm({
  form,
  reloadHref,
  edit,
  onChange,
  cancelHref,
  className = "max-w-4xl",
  children,
}: {
  form: ReturnType<typeof useInputForm>;
  /** Where the conflict report's reload link goes: this record's edit page. */
  reloadHref: string;
  edit?: EditedInput;
  onChange?: (event: FormEvent<HTMLFormElement>) => void;
  cancelHref: string;
  className?: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <form action={form.formAction} onSubmit={form.onSubmit} onKeyDown={enterSubmits} onChange={onChange} className={clsx(className, "space-y-6")} noValidate>
      <FormAnswer messageRef={form.messageRef} message={form.message} state={form.state} hasBrowserErrors={form.hasBrowserErrors} reloadHref={reloadHref} />
      <p className="text-sm text-slate-700">{t("indicatorInputs.common.requiredNote")}</p>
      {edit && (
        <>
          <input type="hidden" name="id" value={edit.id} />
          <input type="hidden" name="version" value={edit.version} />
          <input type="hidden" name="base" value={edit.base} />
        </>
      )}
      {children}
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton>{t("indicatorInputs.common.save")}</SubmitButton>
        <ButtonLink href={cancelHref} variant="ghost">
          {t("indicatorInputs.common.cancel")}
        </ButtonLink>
      </div>
    </form>
  );
}
