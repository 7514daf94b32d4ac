"use client";
import { Dialog, DialogCancelButton, useDialog } from "@/components/ui/dialog";
import { FormMessage, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FOLLOW_UP_STATUS_LABELS } from "@/lib/domain/case-codes";
import { codeOptions } from "@/lib/domain/codes";
import { formatDate } from "@/lib/domain/format";
import { useI18n } from "@/lib/i18n/client";
import { recordFollowUpAction } from "../actions";
import { asksRestatementReason, RestatementReasonField } from "@/components/forms/restatement-reason-field";
import { dateInputValue, useCheckedForm } from "@/components/forms/use-checked-form";

type Check = { id: string; offsetMonths: number; dueDate: string; checkedDate: string | null; status: string | null; note: string | null };
type Props = { caseId: string; check: Check; today: string };

/** Record (or correct) the outcome of one follow-up check; the form is mounted while the dialog is open. */
export function FollowUpDialog({ caseId, check, today }: Props) {
  const { t, locale } = useI18n();
  const recorded = !!check.checkedDate;
  return (
    <Dialog
      triggerLabel={t(recorded ? "caseDetail.followUp.correct" : "caseDetail.followUp.record", { n: check.offsetMonths })}
      triggerVariant={recorded ? "ghost" : "secondary"}
      title={t("caseDetail.followUp.dialogTitle", { n: check.offsetMonths })}
      description={t("caseDetail.followUp.dialogDescription", { due: formatDate(check.dueDate, locale) })}
      // One per follow-up row (four on a discharged case): the form exists only while open, as a
      // row's correction dialog does (ADR 0057), instead of in every page's HTML.
      lazy
    >
      <FollowUpForm caseId={caseId} check={check} today={today} />
    </Dialog>
  );
}

function FollowUpForm({ caseId, check, today }: Props) {
  const { t, locale } = useI18n();
  const dialog = useDialog();
  const { state, formAction, onSubmit, errors, message, value } = useCheckedForm(recordFollowUpAction, () => import("@/lib/validation/case-records").then((m) => m.FollowUpSchema), { onSuccess: dialog.close });
  const prefix = `follow-up-${check.offsetMonths}`;
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-4" noValidate>
      {message && <FormMessage tone="error">{message}</FormMessage>}
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="followUpId" value={check.id} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id={`${prefix}-checked`}
          label={t("caseDetail.followUp.checkedDate")}
          name="checkedDate"
          required
          hint={t("caseDetail.form.dateHint")}
          defaultValue={value("checkedDate", dateInputValue(check.checkedDate ?? today))}
          error={errors.checkedDate}
        />
        <SelectField
          id={`${prefix}-status`}
          label={t("caseDetail.followUp.status")}
          name="status"
          required
          placeholder={t("caseDetail.form.choose")}
          options={codeOptions(FOLLOW_UP_STATUS_LABELS, locale)}
          defaultValue={value("status", check.status ?? "")}
          error={errors.status}
        />
      </div>
      <TextAreaField id={`${prefix}-note`} label={t("caseDetail.followUp.note")} name="note" rows={3} textKind="note" defaultValue={value("note", check.note ?? "")} error={errors.note} />
      {asksRestatementReason(state) && <RestatementReasonField state={state} id={`${prefix}-restatement-reason`} />}
      <div className="flex justify-end gap-2">
        <DialogCancelButton />
        <SubmitButton>{t("caseDetail.followUp.submit")}</SubmitButton>
      </div>
    </form>
  );
}
