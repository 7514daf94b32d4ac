"use client";
import { FormMessage, TextAreaField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { asksRestatementReason, RestatementReasonField } from "@/components/forms/restatement-reason-field";
import { useCheckedForm } from "@/components/forms/use-checked-form";
import { PHASE_LABELS, type Phase } from "@/lib/domain/case-codes";
import { useI18n } from "@/lib/i18n/client";
import { reopenCaseAction } from "../actions";

type Props = { caseId: string; version: number; reopensTo: Phase };

/** A supervisor reopens a closed case with a reason; it returns to the phase it was closed from (ADR 0029). */
export function ReopenForm({ caseId, version, reopensTo }: Props) {
  const { t, locale } = useI18n();
  const { state, formAction, onSubmit, errors, message, messageRef, value } = useCheckedForm(reopenCaseAction, () => import("@/lib/validation/case").then((m) => m.CaseReopenSchema));
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-3" noValidate aria-labelledby="reopen-title">
      <h3 id="reopen-title" className="text-sm font-semibold text-slate-900">
        {t("caseDetail.reopen.title")}
      </h3>
      <p className="text-sm text-slate-700">{t("caseDetail.reopen.body", { phase: PHASE_LABELS[reopensTo][locale] })}</p>
      <div ref={messageRef} tabIndex={-1} className="focus:outline-none">
        {message && <FormMessage tone="error">{message}</FormMessage>}
      </div>
      <input type="hidden" name="id" value={caseId} />
      <input type="hidden" name="version" value={version} />
      <TextAreaField
        id="reopen-reason"
        label={t("caseDetail.reopen.reason")}
        name="reason"
        required
        rows={2}
        maxLength={500}
        hint={t("caseDetail.reopen.reasonHint")}
        defaultValue={value("reason")}
        error={errors.reason}
      />
      {asksRestatementReason(state) && <RestatementReasonField state={state} id="reopen-restatement-reason" />}
      <SubmitButton variant="secondary">{t("caseDetail.reopen.submit")}</SubmitButton>
    </form>
  );
}
