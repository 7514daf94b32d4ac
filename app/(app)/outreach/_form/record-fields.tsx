"use client";
import clsx from "clsx";
import type { ReactNode } from "react";
import { FormSection } from "@/components/forms/form-section";
import { focusRing } from "@/components/ui/button";
import { CheckboxGroup, SelectField, TextField } from "@/components/ui/field";
import { DIAGNOSIS_GROUP_LABELS, REFERRAL_SOURCE_LABELS } from "@/lib/domain/case-codes";
import { codeOptions } from "@/lib/domain/codes";
import { OUTREACH_TARGET_LABELS, OUTREACH_TEAM_KIND_LABELS } from "@/lib/domain/outreach-codes";
import { useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";

/** A single checkbox with its label, error wired like the kit's fields. */
export function CheckboxField({ name, label, defaultChecked, error, id }: { name: string; label: string; defaultChecked: boolean; error?: string; id?: string }) {
  const { t } = useI18n();
  const fieldId = id ?? `field-${name}`;
  const errorId = `${fieldId}-error`;
  return (
    <div className="space-y-1">
      <div className="flex items-center gap-2">
        <input
          // Remount when the re-filled value changes, so React's form reset lands on it.
          key={String(defaultChecked)}
          id={fieldId}
          type="checkbox"
          name={name}
          defaultChecked={defaultChecked}
          aria-invalid={!!error}
          aria-describedby={error ? errorId : undefined}
          className={clsx("size-4 rounded-sm accent-brand-700", focusRing)}
        />
        <label htmlFor={fieldId} className="text-sm text-slate-800">
          {label}
        </label>
      </div>
      <div aria-live="polite">
        {error && (
          <p id={errorId} className="text-sm font-medium text-red-700">
            <span className="sr-only">{t("ui.errorPrefix")}</span>
            {error}
          </p>
        )}
      </div>
    </div>
  );
}

type Props = {
  /** A field's value after a failed submit, else its default. */
  value: (name: string, fallback?: string) => string | undefined;
  values: (name: string, fallback?: string[]) => string[];
  defaults: Record<string, string | string[] | undefined>;
  errors: Record<string, string>;
  /** Rendered first in the referral section (the new form's office and coordinator). */
  referralSlot?: ReactNode;
  /** Rendered between the referral and the target groups (the new form's person section). */
  afterReferral?: ReactNode;
  /** Rendered last in the condition section (the edit form's start date, the new form's optional start). */
  datesSlot?: ReactNode;
  /** Changes when the office does, so the team fields start again from that office's last team. */
  teamKey?: string;
};

/**
 * The fields of the outreach record shared by the new and the edit form: referral, target
 * groups, team, condition and GAF. Names are the OutreachCreateSchema / OutreachUpdateSchema keys.
 */
export function OutreachRecordFields({ value, values, defaults, errors: e, referralSlot, afterReferral, datesSlot, teamKey }: Props) {
  const { t, locale } = useI18n();
  const label = (name: string) => t(`outreach.form.fields.${name}` as MessageKey);
  const text = (name: string) => value(name, typeof defaults[name] === "string" ? (defaults[name] as string) : undefined);
  const targets = values("targets", Array.isArray(defaults.targets) ? defaults.targets : []);
  const suspected = value("diagnosisSuspected", defaults.diagnosisSuspected === "on" ? "on" : undefined) === "on";

  return (
    <>
      <FormSection title={t("outreach.form.sections.referral")}>
        {referralSlot}
        <TextField label={label("referralDate")} name="referralDate" required autoComplete="off" hint={t("outreach.detail.status.dateHint")} defaultValue={text("referralDate")} error={e.referralDate} />
        <SelectField
          label={label("referralSource")}
          name="referralSource"
          required
          options={codeOptions(REFERRAL_SOURCE_LABELS, locale)}
          placeholder={t("outreach.form.choose")}
          defaultValue={text("referralSource")}
          error={e.referralSource}
        />
      </FormSection>

      {afterReferral}

      <FormSection title={t("outreach.form.sections.targets")}>
        <div className="md:col-span-2">
          <CheckboxGroup
            key={targets.join(",")}
            legend={label("targets")}
            name="targets"
            required
            hint={t("outreach.form.hints.targets")}
            options={codeOptions(OUTREACH_TARGET_LABELS, locale)}
            defaultValues={targets}
            error={e.targets}
          />
        </div>
        <SelectField
          label={label("primaryTarget")}
          name="primaryTarget"
          required
          hint={t("outreach.form.hints.primaryTarget")}
          options={codeOptions(OUTREACH_TARGET_LABELS, locale)}
          placeholder={t("outreach.form.choose")}
          defaultValue={text("primaryTarget")}
          error={e.primaryTarget}
        />
        <div key={teamKey} className="contents">
          <SelectField
            label={label("teamKind")}
            name="teamKind"
            required
            options={codeOptions(OUTREACH_TEAM_KIND_LABELS, locale)}
            placeholder={t("outreach.form.choose")}
            defaultValue={text("teamKind")}
            error={e.teamKind}
          />
          <div className="md:col-span-2">
            <TextField
              label={label("teamName")}
              name="teamName"
              required
              textKind="title"
              autoComplete="off"
              hint={t("outreach.form.hints.teamName", { example: t("outreach.form.teamNameExample") })}
              defaultValue={text("teamName")}
              error={e.teamName}
            />
          </div>
        </div>
      </FormSection>

      <FormSection title={t("outreach.form.sections.condition")}>
        <SelectField
          label={label("diagnosisGroup")}
          name="diagnosisGroup"
          options={codeOptions(DIAGNOSIS_GROUP_LABELS, locale)}
          placeholder={t("outreach.form.notRecorded")}
          defaultValue={text("diagnosisGroup")}
          error={e.diagnosisGroup}
        />
        <div className="self-end pb-2">
          <CheckboxField name="diagnosisSuspected" label={label("diagnosisSuspected")} defaultChecked={suspected} error={e.diagnosisSuspected} />
        </div>
        <TextField
          label={label("selectionConferenceDate")}
          name="selectionConferenceDate"
          autoComplete="off"
          hint={t("outreach.form.hints.selection")}
          defaultValue={text("selectionConferenceDate")}
          error={e.selectionConferenceDate}
        />
        <TextField label={label("gafStart")} name="gafStart" inputMode="numeric" autoComplete="off" hint={t("outreach.form.hints.gaf")} defaultValue={text("gafStart")} error={e.gafStart} />
        {datesSlot}
      </FormSection>
    </>
  );
}
