"use client";
import clsx from "clsx";
import { focusRing } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { ACTIVITY_TYPE_LABELS } from "@/lib/domain/case-codes";
import { codeOptions } from "@/lib/domain/codes";
import { useI18n } from "@/lib/i18n/client";

/** What an activity form shows in its fields, as the form holds them. */
export type ActivityFieldValues = { date?: string; activityType?: string; minutes?: string; withPeer: boolean; summary?: string };

/**
 * An activity's fields: date, type, minutes, with a peer, summary. Shared by the quick entry and
 * the correction dialog; `idPrefix` keeps the ids of two forms on one page apart (the quick
 * entry's `activity-date` is where the cursor returns after saving).
 */
export function ActivityFields({ idPrefix, defaults, errors }: { idPrefix: string; defaults: ActivityFieldValues; errors: Record<string, string | undefined> }) {
  const { t, locale } = useI18n();
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-[minmax(0,15rem)_minmax(0,1fr)_minmax(0,8rem)]">
        <TextField id={`${idPrefix}-date`} label={t("caseDetail.activity.date")} name="date" required hint={t("caseDetail.form.dateHint")} defaultValue={defaults.date} error={errors.date} />
        <SelectField
          id={`${idPrefix}-type`}
          label={t("caseDetail.activity.type")}
          name="activityType"
          required
          options={codeOptions(ACTIVITY_TYPE_LABELS, locale)}
          defaultValue={defaults.activityType}
          error={errors.activityType}
        />
        <TextField id={`${idPrefix}-minutes`} label={t("caseDetail.activity.minutes")} name="minutes" inputMode="numeric" defaultValue={defaults.minutes} error={errors.minutes} />
      </div>
      <div className="flex items-center gap-2">
        <input
          // Remount when the re-filled value changes, so React's form reset lands on it.
          key={String(defaults.withPeer)}
          id={`${idPrefix}-with-peer`}
          type="checkbox"
          name="withPeer"
          defaultChecked={defaults.withPeer}
          className={clsx("size-4 rounded-sm accent-brand-700", focusRing)}
        />
        <label htmlFor={`${idPrefix}-with-peer`} className="text-sm text-slate-800">
          {t("caseDetail.activity.withPeer")}
        </label>
      </div>
      <TextAreaField id={`${idPrefix}-summary`} label={t("caseDetail.activity.summary")} name="summary" rows={2} textKind="note" defaultValue={defaults.summary} error={errors.summary} />
    </>
  );
}
