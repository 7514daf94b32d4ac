"use client";
import clsx from "clsx";
import { useRef } from "react";
import { focusRing } from "@/components/ui/button";
import { FormMessage, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { ACTIVITY_TYPE_LABELS } from "@/lib/domain/case-codes";
import { codeOptions } from "@/lib/domain/codes";
import { useI18n } from "@/lib/i18n/client";
import { ActivitySchema } from "@/lib/validation/case-records";
import { addActivityAction } from "../actions";
import { enterSubmits } from "@/components/forms/enter-submits";
import { dateInputValue, useCheckedForm } from "@/components/forms/use-checked-form";

const DATE_FIELD_ID = "activity-date";

/**
 * Logging a visit has to be quicker than the Excel row it replaces: today's date and 面会 are
 * preset, Enter in any field saves, and after saving the form is empty again with the cursor
 * back in the date field for the next entry.
 */
export function ActivityQuickAdd({ caseId, today }: { caseId: string; today: string }) {
  const { t, locale } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const { formAction, onSubmit, errors, message, value } = useCheckedForm(addActivityAction, ActivitySchema, {
    onSuccess: () => {
      formRef.current?.reset();
      document.getElementById(DATE_FIELD_ID)?.focus();
    },
  });

  const peerChecked = value("withPeer") === "on";
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} onKeyDown={enterSubmits} className="space-y-3" noValidate>
      <p id="activity-quick-hint" className="text-sm text-slate-600">
        {t("caseDetail.activity.quickAddHint")}
      </p>
      {message && <FormMessage tone="error">{message}</FormMessage>}
      <input type="hidden" name="caseId" value={caseId} />
      <div className="grid gap-3 sm:grid-cols-[minmax(0,15rem)_minmax(0,1fr)_minmax(0,8rem)]">
        <TextField
          id={DATE_FIELD_ID}
          label={t("caseDetail.activity.date")}
          name="date"
          required
          hint={t("caseDetail.form.dateHint")}
          defaultValue={value("date", dateInputValue(today))}
          error={errors.date}
        />
        <SelectField
          id="activity-type"
          label={t("caseDetail.activity.type")}
          name="activityType"
          required
          options={codeOptions(ACTIVITY_TYPE_LABELS, locale)}
          defaultValue={value("activityType", "ward_visit")}
          error={errors.activityType}
        />
        <TextField
          id="activity-minutes"
          label={t("caseDetail.activity.minutes")}
          name="minutes"
          inputMode="numeric"
          defaultValue={value("minutes", "")}
          error={errors.minutes}
        />
      </div>
      <div className="flex items-center gap-2">
        <input
          // Remount when the re-filled value changes, so React's form reset lands on it.
          key={String(peerChecked)}
          id="activity-with-peer"
          type="checkbox"
          name="withPeer"
          defaultChecked={peerChecked}
          className={clsx("size-4 rounded-sm accent-brand-700", focusRing)}
        />
        <label htmlFor="activity-with-peer" className="text-sm text-slate-800">
          {t("caseDetail.activity.withPeer")}
        </label>
      </div>
      <TextAreaField
        id="activity-summary"
        label={t("caseDetail.activity.summary")}
        name="summary"
        rows={2}
        maxLength={1000}
        defaultValue={value("summary", "")}
        error={errors.summary}
      />
      <SubmitButton>{t("caseDetail.activity.submit")}</SubmitButton>
    </form>
  );
}
