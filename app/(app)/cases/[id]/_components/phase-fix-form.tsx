"use client";
import { FormMessage, TextAreaField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { asksRestatementReason, RestatementReasonField } from "@/components/forms/restatement-reason-field";
import { dateInputValue, useCheckedForm } from "@/components/forms/use-checked-form";
import type { FixablePhaseChange } from "@/lib/dal/case-phase-events";
import { PHASE_LABELS } from "@/lib/domain/case-codes";
import { formatDate } from "@/lib/domain/format";
import { useI18n } from "@/lib/i18n/client";
import { correctPhaseChangeAction, undoPhaseChangeAction } from "../actions";

type Props = { caseId: string; version: number; change: FixablePhaseChange };

/**
 * The latest phase change, folded away under the phase card: correct its date or note, or undo
 * it (the case returns to the phase it came from). Offered only to its recorder or a supervisor
 * while the case is open; the DAL checks the same (ADR 0029).
 */
export function PhaseFixForm({ caseId, version, change }: Props) {
  const { t, locale } = useI18n();
  const { state: correctState, formAction: correctAction, onSubmit: onCorrect, errors, message: correctMessage, messageRef: correctRef, value } = useCheckedForm(
    correctPhaseChangeAction,
    () => import("@/lib/validation/case").then((m) => m.PhaseChangeCorrectSchema),
  );
  const { state: undoState, formAction: undoAction, onSubmit: onUndo, message: undoMessage, messageRef: undoRef } = useCheckedForm(undoPhaseChangeAction, () => import("@/lib/validation/case").then((m) => m.PhaseChangeUndoSchema));
  const from = PHASE_LABELS[change.fromPhase][locale];
  const to = PHASE_LABELS[change.phase][locale];
  const hidden = (
    <>
      <input type="hidden" name="id" value={caseId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="eventId" value={change.id} />
    </>
  );
  // Reopened after a failed save, so its message and fields are seen.
  const open = !!correctMessage || !!undoMessage;

  return (
    <details className="mt-5 rounded-md border border-slate-300 p-4" open={open || undefined}>
      <summary className="cursor-pointer rounded-sm text-sm font-medium text-brand-800 underline underline-offset-2">
        {t("caseDetail.phaseFix.summary", { from, to, date: formatDate(change.date, locale) })}
      </summary>
      <div className="mt-4 space-y-6">
        <form action={correctAction} onSubmit={onCorrect} className="space-y-4" noValidate aria-labelledby="phase-fix-title">
          <h3 id="phase-fix-title" className="text-sm font-semibold text-slate-900">
            {t("caseDetail.phaseFix.title")}
          </h3>
          <p className="text-sm text-slate-700">{t("caseDetail.phaseFix.description", { from })}</p>
          <div ref={correctRef} tabIndex={-1} className="focus:outline-none">
            {correctMessage && <FormMessage tone="error">{correctMessage}</FormMessage>}
          </div>
          {hidden}
          <div className="grid gap-4 sm:grid-cols-[minmax(0,14rem)_1fr]">
            <TextField
              id="phase-fix-date"
              label={t("caseDetail.phaseFix.date")}
              name="date"
              required
              hint={t("caseDetail.form.dateHint")}
              defaultValue={value("date", dateInputValue(change.date))}
              error={errors.date}
            />
            <TextAreaField
              id="phase-fix-note"
              label={t("caseDetail.phaseFix.note")}
              name="note"
              rows={2}
              maxLength={500}
              defaultValue={value("note", change.note ?? "")}
              error={errors.note}
            />
          </div>
          {asksRestatementReason(correctState) && <RestatementReasonField state={correctState} id="phase-fix-restatement-reason" />}
          <SubmitButton variant="secondary">{t("caseDetail.phaseFix.submit")}</SubmitButton>
        </form>

        <form action={undoAction} onSubmit={onUndo} className="space-y-3 border-t border-slate-200 pt-4" noValidate aria-labelledby="phase-undo-title">
          <h3 id="phase-undo-title" className="text-sm font-semibold text-slate-900">
            {t("caseDetail.phaseFix.undoHeading")}
          </h3>
          <p className="text-sm text-slate-700">{t("caseDetail.phaseFix.undoBody", { from })}</p>
          {change.phase === "discharged" && <p className="text-sm text-slate-700">{t("caseDetail.phaseFix.undoDischarge")}</p>}
          <div ref={undoRef} tabIndex={-1} className="focus:outline-none">
            {undoMessage && <FormMessage tone="error">{undoMessage}</FormMessage>}
          </div>
          {hidden}
          {asksRestatementReason(undoState) && <RestatementReasonField state={undoState} id="phase-undo-restatement-reason" />}
          <SubmitButton variant="danger">{t("caseDetail.phaseFix.undoSubmit")}</SubmitButton>
        </form>
      </div>
    </details>
  );
}
