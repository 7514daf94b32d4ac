"use client";
import { Dialog, DialogCancelButton, useDialog } from "@/components/ui/dialog";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { CARE_PLAN_STATUS_LABELS, CARE_PLAN_TYPE_LABELS } from "@/lib/domain/case-codes";
import { codeOptions } from "@/lib/domain/codes";
import { useI18n } from "@/lib/i18n/client";
import { addCarePlanAction } from "../actions";
import { asksRestatementReason, RestatementReasonField } from "@/components/forms/restatement-reason-field";
import { dateInputValue, useCheckedForm } from "@/components/forms/use-checked-form";

/** One of the four plans a case touches, with the dates that make a review fall due. */
export function CarePlanDialog({ caseId, today }: { caseId: string; today: string }) {
  const { t } = useI18n();
  return (
    <Dialog triggerLabel={t("caseDetail.carePlan.add")} triggerVariant="secondary" title={t("caseDetail.carePlan.dialogTitle")}>
      <CarePlanForm caseId={caseId} today={today} />
    </Dialog>
  );
}

function CarePlanForm({ caseId, today }: { caseId: string; today: string }) {
  const { t, locale } = useI18n();
  const dialog = useDialog();
  const { state, formAction, onSubmit, errors, message, value } = useCheckedForm(addCarePlanAction, () => import("@/lib/validation/case-records").then((m) => m.CarePlanSchema), { onSuccess: dialog.close });
  const hint = t("caseDetail.form.dateHint");
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-4" noValidate>
      {message && <FormMessage tone="error">{message}</FormMessage>}
      <input type="hidden" name="caseId" value={caseId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          id="plan-type"
          label={t("caseDetail.carePlan.planType")}
          name="planType"
          required
          placeholder={t("caseDetail.form.choose")}
          options={codeOptions(CARE_PLAN_TYPE_LABELS, locale)}
          defaultValue={value("planType", "")}
          error={errors.planType}
        />
        <SelectField
          id="plan-status"
          label={t("caseDetail.carePlan.status")}
          name="status"
          required
          options={codeOptions(CARE_PLAN_STATUS_LABELS, locale)}
          defaultValue={value("status", "drafting")}
          error={errors.status}
        />
        <TextField id="plan-created" label={t("caseDetail.carePlan.createdDate")} name="createdDate" required hint={hint} defaultValue={value("createdDate", dateInputValue(today))} error={errors.createdDate} />
        <TextField id="plan-review" label={t("caseDetail.carePlan.reviewDueDate")} name="reviewDueDate" hint={hint} defaultValue={value("reviewDueDate", "")} error={errors.reviewDueDate} />
        <TextField id="plan-period-end" label={t("caseDetail.carePlan.periodEndDate")} name="periodEndDate" hint={hint} defaultValue={value("periodEndDate", "")} error={errors.periodEndDate} />
        <TextField id="plan-consent" label={t("caseDetail.carePlan.consentDate")} name="consentDate" hint={hint} defaultValue={value("consentDate", "")} error={errors.consentDate} />
      </div>
      {asksRestatementReason(state) && <RestatementReasonField state={state} id="plan-restatement-reason" />}
      <div className="flex justify-end gap-2">
        <DialogCancelButton />
        <SubmitButton>{t("caseDetail.carePlan.submit")}</SubmitButton>
      </div>
    </form>
  );
}
