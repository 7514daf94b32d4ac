"use client";
import { asksRestatementReason, RestatementReasonField } from "@/components/forms/restatement-reason-field";
import { dateInputValue, useCheckedForm } from "@/components/forms/use-checked-form";
import { Dialog, DialogCancelButton, useDialog } from "@/components/ui/dialog";
import { FormMessage, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { codeOptions } from "@/lib/domain/codes";
import { OUTREACH_OUTCOME_LABELS } from "@/lib/domain/outreach-codes";
import { useI18n } from "@/lib/i18n/client";
import { addOutreachOutcomeAction } from "../actions";

/** An outcome reached (関係構築, 医療につながった …) with its date and an optional note. */
export function OutcomeDialog({ caseId, today }: { caseId: string; today: string }) {
  const { t } = useI18n();
  return (
    <Dialog triggerLabel={t("outreach.detail.outcome.add")} triggerVariant="secondary" title={t("outreach.detail.outcome.dialogTitle")} description={t("outreach.detail.outcome.dialogDescription")}>
      <OutcomeForm caseId={caseId} today={today} />
    </Dialog>
  );
}

function OutcomeForm({ caseId, today }: { caseId: string; today: string }) {
  const { t, locale } = useI18n();
  const dialog = useDialog();
  const { state, formAction, onSubmit, errors, message, messageRef, value } = useCheckedForm(addOutreachOutcomeAction, () => import("@/lib/validation/outreach").then((m) => m.OutreachOutcomeSchema), { onSuccess: dialog.close });
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-4" noValidate>
      <div ref={messageRef} tabIndex={-1} className="focus:outline-none">
        {message && <FormMessage tone="error">{message}</FormMessage>}
      </div>
      <input type="hidden" name="outreachCaseId" value={caseId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          id="outcome-kind"
          label={t("outreach.detail.outcome.outcome")}
          name="outcome"
          required
          placeholder={t("outreach.detail.status.choose")}
          options={codeOptions(OUTREACH_OUTCOME_LABELS, locale)}
          defaultValue={value("outcome", "")}
          error={errors.outcome}
        />
        <TextField
          id="outcome-date"
          label={t("outreach.detail.outcome.date")}
          name="date"
          required
          autoComplete="off"
          hint={t("outreach.detail.status.dateHint")}
          defaultValue={value("date", dateInputValue(today))}
          error={errors.date}
        />
      </div>
      <TextAreaField id="outcome-note" label={t("outreach.detail.outcome.note")} name="note" rows={2} textKind="note" defaultValue={value("note", "")} error={errors.note} />
      {asksRestatementReason(state) && <RestatementReasonField state={state} id="outcome-restatement-reason" />}
      <div className="flex justify-end gap-2">
        <DialogCancelButton />
        <SubmitButton>{t("outreach.detail.outcome.submit")}</SubmitButton>
      </div>
    </form>
  );
}
