"use client";
import clsx from "clsx";
import type { FormEvent, ReactNode } from "react";
import type { z } from "zod";
import { FormAnswer } from "@/components/activities/form-answer";
import { enterSubmits } from "@/components/forms/enter-submits";
import { useCheckedForm } from "@/components/forms/use-checked-form";
import { ButtonLink } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import type { ActivityFormState } from "../_lib/form-state";

/*
 * What the forms of meetings, trainings, events and 協議の場 share: the checked form with its
 * values as re-filled after a failed save, the section's field labels, the answer above the
 * fields, the version fields of an edit, the host and the buttons.
 */

export type ActivityFormAction = (prev: ActivityFormState, formData: FormData) => Promise<ActivityFormState>;
/** What an edit sends back: the version it started from and the values it was loaded with (for the conflict report). */
export type EditedRecord = { id: string; version: number; base: string };
type Option = { value: string; label: string };

/** useCheckedForm with `v(name)`: the typed value after a failed save, else the default; and `label(field)` from the section's catalog. */
export function useRecordForm(action: ActivityFormAction, schema: z.ZodType, defaults: Record<string, string>, labelPrefix: string) {
  const { t } = useI18n();
  const form = useCheckedForm(action, schema);
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
export function RecordForm({
  form,
  reloadHref,
  edit,
  onChange,
  saveAndNext,
  cancelHref,
  className = "max-w-4xl",
  children,
}: {
  form: ReturnType<typeof useRecordForm>;
  /** Where the conflict report's reload link goes: this record's edit page. */
  reloadHref: string;
  edit?: EditedRecord;
  onChange?: (event: FormEvent<HTMLFormElement>) => void;
  saveAndNext: boolean;
  cancelHref: string;
  className?: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <form action={form.formAction} onSubmit={form.onSubmit} onKeyDown={enterSubmits} onChange={onChange} className={clsx(className, "space-y-6")} noValidate>
      <FormAnswer messageRef={form.messageRef} message={form.message} state={form.state} hasBrowserErrors={form.hasBrowserErrors} reloadHref={reloadHref} />
      <p className="text-sm text-slate-700">{t("activities.common.requiredNote")}</p>
      {edit && (
        <>
          <input type="hidden" name="id" value={edit.id} />
          <input type="hidden" name="version" value={edit.version} />
          <input type="hidden" name="base" value={edit.base} />
        </>
      )}
      {children}
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton>{t("activities.common.save")}</SubmitButton>
        {saveAndNext && (
          <SubmitButton variant="secondary" name="next" value="new">
            {t("activities.common.saveAndNext")}
          </SubmitButton>
        )}
        <ButtonLink href={cancelHref} variant="ghost">
          {t("activities.common.cancel")}
        </ButtonLink>
      </div>
    </form>
  );
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
