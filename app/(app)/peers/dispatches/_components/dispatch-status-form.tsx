"use client";
import { FormMessage, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { asksRestatementReason, RestatementReasonField } from "@/components/forms/restatement-reason-field";
import { useCheckedForm } from "@/components/forms/use-checked-form";
import { DISPATCH_STATUS_LABELS, type DispatchStatus } from "@/lib/domain/peer-codes";
import { useI18n } from "@/lib/i18n/client";
import { setDispatchStatusAction } from "../actions";

/** Move a dispatch along 依頼 → 予定 → 実施 (with the report and the number reached) or 中止. */
export function DispatchStatusForm({ id, version, transitions, report, audienceCount }: { id: string; version: number; transitions: DispatchStatus[]; report: string | null; audienceCount: number | null }) {
  const { t, locale } = useI18n();
  const { state, formAction, onSubmit, errors, message, value } = useCheckedForm(setDispatchStatusAction, () => import("@/lib/validation/peer").then((m) => m.DispatchStatusSchema));
  const first = transitions.includes("done") ? "done" : transitions[0];
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-3" noValidate>
      {message && <FormMessage tone="error">{message}</FormMessage>}
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <SelectField
        id="dispatch-next-status"
        label={t("dispatches.detail.nextStatus")}
        name="status"
        required
        options={transitions.map((s) => ({ value: s, label: DISPATCH_STATUS_LABELS[s][locale] }))}
        defaultValue={value("status", first)}
        error={errors.status}
      />
      <TextField id="dispatch-status-audience" label={t("dispatches.fields.audienceCount")} name="audienceCount" inputMode="numeric" defaultValue={value("audienceCount", audienceCount === null ? "" : String(audienceCount))} error={errors.audienceCount} />
      <TextAreaField id="dispatch-status-report" label={t("dispatches.fields.report")} name="report" rows={3} textKind="note" hint={t("dispatches.form.reportHint")} defaultValue={value("report", report ?? "")} error={errors.report} />
      {asksRestatementReason(state) && <RestatementReasonField state={state} id="dispatch-status-restatement-reason" />}
      <SubmitButton>{t("dispatches.detail.changeStatus")}</SubmitButton>
    </form>
  );
}
