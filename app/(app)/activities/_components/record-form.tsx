"use client";
import type { ComponentProps, FormEvent } from "react";
import type { SchemaLoader } from "@/lib/validation/client";
import { RecordFormFrame } from "@/components/forms/record-form-frame";
import { useCheckedForm } from "@/components/forms/use-checked-form";
import { SelectField } from "@/components/ui/field";
import { useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import type { ActivityFormState } from "../_lib/form-state";

/*
 * What the forms of meetings, trainings, events and 協議の場 share: the checked form with its
 * values as re-filled after a failed save, the section's field labels, the answer above the
 * fields, the version fields of an edit, the host and the buttons.
 */

export type ActivityFormAction = (prev: ActivityFormState, formData: FormData) => Promise<ActivityFormState>;
export type { EditedRecord } from "@/components/forms/record-form-frame";
type Option = { value: string; label: string };

/** useCheckedForm with `v(name)`: the typed value after a failed save, else the default; and `label(field)` from the section's catalog. */
export function useRecordForm(action: ActivityFormAction, loadSchema: SchemaLoader, defaults: Record<string, string>, labelPrefix: string) {
  const { t } = useI18n();
  const form = useCheckedForm(action, loadSchema);
  const v = (name: string): string => form.value(name, defaults[name] ?? "") ?? "";
  const label = (field: string) => t(`${labelPrefix}.${field}` as MessageKey);
  return { ...form, v, label };
}

/** An onChange for the form that hands the new value of the named fields (the ones other fields follow) to their setters. */
export function onFieldChange(setters: Record<string, (value: string) => void>) {
  return (event: FormEvent<HTMLFormElement>) => {
    const target = event.target as HTMLSelectElement;
    setters[target.name]?.(target.value);
  };
}

/**
 * The form itself, built for quick keyboard entry (Enter saves from any field): the answer
 * above, the required-fields note, an edit's version fields, the fields, then save (and, for a
 * new record, save and enter the next) and cancel.
 */
export function RecordForm(props: Omit<ComponentProps<typeof RecordFormFrame>, "texts">) {
  const { t } = useI18n();
  return <RecordFormFrame {...props} texts={{ requiredNote: t("activities.common.requiredNote"), save: t("activities.common.save"), saveAndNext: t("activities.common.saveAndNext"), cancel: t("activities.common.cancel") }} />;
}

/** The record's host: shown as text when the actor has only one, else chosen (the prefecture or an office in reach). */
export function HostField({ hosts, label, value, error, hint, testId }: { hosts: Option[]; label: string; value: string; error?: string; hint?: string; testId?: string }) {
  if (hosts.length === 1) {
    return (
      <div className="space-y-1.5">
        <p className="text-sm font-medium text-slate-800">{label}</p>
        <p className="text-sm text-slate-900" data-testid={testId}>
          {hosts[0]!.label}
        </p>
        <input type="hidden" name="officeId" value={hosts[0]!.value} />
      </div>
    );
  }
  return <SelectField label={label} name="officeId" required options={hosts} defaultValue={value} hint={hint} error={error} />;
}
