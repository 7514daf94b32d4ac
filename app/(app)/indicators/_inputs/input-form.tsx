"use client";
import type { ComponentProps } from "react";
import type { SchemaLoader } from "@/lib/validation/client";
import { RecordFormFrame } from "@/components/forms/record-form-frame";
import { useCheckedForm } from "@/components/forms/use-checked-form";
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
export type { EditedRecord as EditedInput } from "@/components/forms/record-form-frame";

/** useCheckedForm with `v(name)` (the typed value after a failed save, else the default), `label(field)` and the errors in words. */
export function useInputForm(action: InputFormAction, loadSchema: SchemaLoader, defaults: Record<string, string>, labelPrefix: string) {
  const { t } = useI18n();
  const form = useCheckedForm(action, loadSchema);
  const v = (name: string): string => form.value(name, defaults[name] ?? "") ?? "";
  const label = (field: string) => t(`${labelPrefix}.${field}` as MessageKey);
  return { ...form, errors: translateMessages(t, form.errors), message: translateMessage(t, form.message), v, label };
}

/** The form: the answer above, the required-fields note, an edit's version fields, the fields, then save and cancel. */
export function InputForm(props: Omit<ComponentProps<typeof RecordFormFrame>, "texts">) {
  const { t } = useI18n();
  return <RecordFormFrame {...props} texts={{ requiredNote: t("indicatorInputs.common.requiredNote"), save: t("indicatorInputs.common.save"), cancel: t("indicatorInputs.common.cancel") }} />;
}
