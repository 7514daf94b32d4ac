"use client";
import { useId, type ReactNode } from "react";
import { FormSection } from "@/components/forms/form-section";
import { SelectField, TextField } from "@/components/ui/field";
import {
  ADMISSION_TYPE_LABELS,
  CONSENT_SCOPE_LABELS,
  DATE_PRECISION_LABELS,
  DIAGNOSIS_GROUP_LABELS,
  REFERRAL_SOURCE_LABELS,
  SUPPORT_CATEGORY_LABELS,
  TECHO_GRADE_LABELS,
  WARD_TYPE_LABELS,
} from "@/lib/domain/case-codes";
import { codeOptions } from "@/lib/domain/codes";
import { useI18n } from "@/lib/i18n/client";
import type { Option } from "./types";

/** A date typed as text: people write 令和 and R6.4.1, so no date picker and no numeric keypad. */
export function DateField(props: { label: string; name: string; defaultValue?: string; error?: string; required?: boolean; hint?: string }) {
  const { t } = useI18n();
  return <TextField {...props} hint={props.hint ?? t("caseForm.hints.date")} autoComplete="off" />;
}

/** A read-only value shown in place of a field the form may not change (it is still sent, hidden). */
export function ReadOnlyField({ label, name, value, display, error }: { label: string; name: string; value: string; display: string; error?: string }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div role="group" aria-labelledby={id} className="space-y-1.5">
      <p id={id} className="text-sm font-medium text-slate-800">
        {label}
      </p>
      <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-900">{display}</p>
      <input type="hidden" name={name} value={value} />
      <div aria-live="polite">
        {error && (
          <p className="text-sm font-medium text-red-700">
            <span className="sr-only">{t("ui.errorPrefix")}</span>
            {error}
          </p>
        )}
      </div>
    </div>
  );
}

type Props = {
  /** A field's current value: what the user typed after a failed submit, else its default. */
  value: (name: string, fallback?: string) => string | undefined;
  defaults: Record<string, string | undefined>;
  errors: Record<string, string>;
  hospitals: Option[];
  /** Staff of the case's office only. */
  staff: Option[];
  /** Rendered first in the referral section (the new form's office choice). */
  officeSlot?: ReactNode;
  /** Changes when the office does, so the coordinator select starts again from its default. */
  staffKey?: string;
};

/**
 * The case record's own fields (referral, admission, condition, consent, support), shared
 * by the new and the edit form so both show the same labels, hints, choices and rules.
 * Names are the CaseCreateSchema / CaseUpdateSchema keys.
 */
export function CaseRecordFields({ value, defaults, errors: e, hospitals, staff, officeSlot, staffKey }: Props) {
  const { t, locale } = useI18n();
  const v = (name: string) => value(name, defaults[name]);
  const label = (name: string) => t(`caseForm.fields.${name}` as Parameters<typeof t>[0]);
  const optional = t("caseForm.notRecorded");

  return (
    <>
      <FormSection title={t("caseForm.sections.referral")}>
        {officeSlot}
        <DateField label={label("referralDate")} name="referralDate" required defaultValue={v("referralDate")} error={e.referralDate} />
        <SelectField
          label={label("referralSource")}
          name="referralSource"
          required
          options={codeOptions(REFERRAL_SOURCE_LABELS, locale)}
          placeholder={t("caseForm.choose")}
          defaultValue={v("referralSource")}
          error={e.referralSource}
        />
        <SelectField
          label={label("hospitalId")}
          name="hospitalId"
          required
          hint={t("caseForm.hints.hospital")}
          options={hospitals}
          placeholder={t("caseForm.choose")}
          defaultValue={v("hospitalId")}
          error={e.hospitalId}
        />
        <SelectField
          label={label("wardType")}
          name="wardType"
          options={codeOptions(WARD_TYPE_LABELS, locale)}
          placeholder={optional}
          defaultValue={v("wardType")}
          error={e.wardType}
        />
        <DateField
          label={label("indexAdmissionDate")}
          name="indexAdmissionDate"
          required
          hint={`${t("caseForm.hints.indexAdmissionDate")} ${t("caseForm.hints.date")}`}
          defaultValue={v("indexAdmissionDate")}
          error={e.indexAdmissionDate}
        />
        <SelectField
          label={label("admissionDatePrecision")}
          name="admissionDatePrecision"
          required
          hint={t("caseForm.hints.admissionDatePrecision")}
          options={codeOptions(DATE_PRECISION_LABELS, locale)}
          defaultValue={v("admissionDatePrecision") ?? "day"}
          error={e.admissionDatePrecision}
        />
        <SelectField
          label={label("admissionType")}
          name="admissionType"
          options={codeOptions(ADMISSION_TYPE_LABELS, locale)}
          placeholder={optional}
          defaultValue={v("admissionType")}
          error={e.admissionType}
        />
      </FormSection>

      <FormSection title={t("caseForm.sections.status")}>
        <SelectField
          label={label("diagnosisGroup")}
          name="diagnosisGroup"
          options={codeOptions(DIAGNOSIS_GROUP_LABELS, locale)}
          placeholder={optional}
          defaultValue={v("diagnosisGroup")}
          error={e.diagnosisGroup}
        />
        <SelectField
          label={label("techoGrade")}
          name="techoGrade"
          options={codeOptions(TECHO_GRADE_LABELS, locale)}
          placeholder={optional}
          defaultValue={v("techoGrade")}
          error={e.techoGrade}
        />
        <SelectField
          label={label("supportCategory")}
          name="supportCategory"
          options={codeOptions(SUPPORT_CATEGORY_LABELS, locale)}
          placeholder={optional}
          defaultValue={v("supportCategory")}
          error={e.supportCategory}
        />
      </FormSection>

      <FormSection title={t("caseForm.sections.consent")}>
        <DateField label={label("consentDate")} name="consentDate" defaultValue={v("consentDate")} error={e.consentDate} />
        <SelectField
          label={label("consentScope")}
          name="consentScope"
          hint={t("caseForm.hints.consentScope")}
          options={codeOptions(CONSENT_SCOPE_LABELS, locale)}
          placeholder={optional}
          defaultValue={v("consentScope")}
          error={e.consentScope}
        />
      </FormSection>

      <FormSection title={t("caseForm.sections.support")}>
        <DateField
          label={label("supportStartDate")}
          name="supportStartDate"
          required
          hint={`${t("caseForm.hints.supportStartDate")} ${t("caseForm.hints.date")}`}
          defaultValue={v("supportStartDate")}
          error={e.supportStartDate}
        />
        <DateField label={label("plannedDischargeDate")} name="plannedDischargeDate" defaultValue={v("plannedDischargeDate")} error={e.plannedDischargeDate} />
        <div key={staffKey}>
          <SelectField
            label={label("coordinatorUserId")}
            name="coordinatorUserId"
            required
            hint={t("caseForm.hints.coordinator")}
            options={staff}
            placeholder={t("caseForm.choose")}
            defaultValue={v("coordinatorUserId")}
            error={e.coordinatorUserId}
          />
        </div>
      </FormSection>
    </>
  );
}
