"use client";
import { Dialog, DialogCancelButton, useDialog } from "@/components/ui/dialog";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { TRIAL_OUTCOME_LABELS, TRIAL_PLACE_LABELS, TRIAL_STAY_KIND_LABELS } from "@/lib/domain/case-codes";
import { codeOptions } from "@/lib/domain/codes";
import { useI18n } from "@/lib/i18n/client";
import { addTrialStayAction } from "../actions";
import { asksRestatementReason, RestatementReasonField } from "@/components/forms/restatement-reason-field";
import { useCheckedForm } from "@/components/forms/use-checked-form";

/** 体験宿泊・試験外泊・体験利用: nights are counted from the dates, never typed. */
export function TrialStayDialog({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  return (
    <Dialog triggerLabel={t("caseDetail.trialStay.add")} triggerVariant="secondary" title={t("caseDetail.trialStay.dialogTitle")}>
      <TrialStayForm caseId={caseId} />
    </Dialog>
  );
}

function TrialStayForm({ caseId }: { caseId: string }) {
  const { t, locale } = useI18n();
  const dialog = useDialog();
  const { state, formAction, onSubmit, errors, message, value } = useCheckedForm(addTrialStayAction, () => import("@/lib/validation/case-records").then((m) => m.TrialStaySchema), { onSuccess: dialog.close });
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-4" noValidate>
      {message && <FormMessage tone="error">{message}</FormMessage>}
      <input type="hidden" name="caseId" value={caseId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          id="trial-kind"
          label={t("caseDetail.trialStay.kind")}
          name="kind"
          required
          placeholder={t("caseDetail.form.choose")}
          options={codeOptions(TRIAL_STAY_KIND_LABELS, locale)}
          defaultValue={value("kind", "")}
          error={errors.kind}
        />
        <SelectField
          id="trial-place"
          label={t("caseDetail.trialStay.placeType")}
          name="placeType"
          required
          placeholder={t("caseDetail.form.choose")}
          options={codeOptions(TRIAL_PLACE_LABELS, locale)}
          defaultValue={value("placeType", "")}
          error={errors.placeType}
        />
        <TextField id="trial-start" label={t("caseDetail.trialStay.startDate")} name="startDate" required hint={t("caseDetail.form.dateHint")} defaultValue={value("startDate", "")} error={errors.startDate} />
        <TextField id="trial-end" label={t("caseDetail.trialStay.endDate")} name="endDate" required hint={t("caseDetail.form.dateHint")} defaultValue={value("endDate", "")} error={errors.endDate} />
        <SelectField
          id="trial-outcome"
          label={t("caseDetail.trialStay.outcome")}
          name="outcome"
          placeholder={t("caseDetail.form.none")}
          options={codeOptions(TRIAL_OUTCOME_LABELS, locale)}
          defaultValue={value("outcome", "")}
          error={errors.outcome}
        />
      </div>
      {asksRestatementReason(state) && <RestatementReasonField state={state} id="trial-restatement-reason" />}
      <div className="flex justify-end gap-2">
        <DialogCancelButton />
        <SubmitButton>{t("caseDetail.trialStay.submit")}</SubmitButton>
      </div>
    </form>
  );
}
