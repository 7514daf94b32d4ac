"use client";
import clsx from "clsx";
import { useState } from "react";
import { PhaseBadge } from "@/components/cases/phase-badge";
import { focusRing } from "@/components/ui/button";
import { FormMessage, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { DISCHARGE_DESTINATION_LABELS, END_REASON_LABELS, LIVING_ARRANGEMENT_LABELS, type Phase } from "@/lib/domain/case-codes";
import { codeOptions } from "@/lib/domain/codes";
import { useI18n } from "@/lib/i18n/client";
import { transitionCaseAction } from "../actions";
import { asksRestatementReason, RestatementReasonField } from "@/components/forms/restatement-reason-field";
import { dateInputValue, useCheckedForm } from "@/components/forms/use-checked-form";

type Props = {
  caseId: string;
  version: number;
  transitions: Phase[];
  today: string;
  dischargeDestination: string | null;
  livingArrangementAfter: string | null;
};

/**
 * Moves the case along its lifecycle. Only the transitions the DAL computed are offered;
 * discharge asks for where the person goes, closure for why the case ends.
 */
export function PhaseChangeForm({ caseId, version, transitions, today, dischargeDestination, livingArrangementAfter }: Props) {
  const { t, locale } = useI18n();
  const [target, setTarget] = useState<string>("");
  const { state, formAction, onSubmit, errors, message, value } = useCheckedForm(transitionCaseAction, () => import("@/lib/validation/case").then((m) => m.CaseTransitionSchema), {
    onSuccess: () => setTarget(""),
  });
  const submitted = value("toPhase");
  const chosen = target || submitted || "";
  const errorId = "field-toPhase-error";
  const hintId = "field-toPhase-hint";

  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-4" noValidate>
      {message && <FormMessage tone="error">{message}</FormMessage>}
      <input type="hidden" name="id" value={caseId} />
      <input type="hidden" name="version" value={version} />
      <fieldset aria-describedby={clsx(hintId, errors.toPhase && errorId)} className="space-y-2">
        <legend className="flex items-center gap-2 text-sm font-medium text-slate-800">
          {t("caseDetail.phase.toPhase")}
          <span className="rounded-sm bg-red-700 px-1.5 py-px text-xs leading-tight font-medium text-white">{t("ui.required")}</span>
        </legend>
        <p id={hintId} className="text-sm text-slate-600">
          {t("caseDetail.phase.toPhaseHint")}
        </p>
        <div className="flex flex-wrap gap-2">
          {transitions.map((phase) => (
            <label
              key={phase}
              className={clsx(
                "flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50",
                errors.toPhase ? "border-red-700" : "border-slate-400",
              )}
            >
              <input
                // Uncontrolled, like the kit's fields: React's reset after the action puts the
                // radios back on their default, which is what the user chose when it failed.
                key={`${phase}-${submitted ?? ""}`}
                type="radio"
                name="toPhase"
                value={phase}
                defaultChecked={submitted === phase}
                onChange={() => setTarget(phase)}
                className={clsx("size-4 accent-brand-700", focusRing)}
              />
              <PhaseBadge phase={phase} locale={locale} />
            </label>
          ))}
        </div>
        <div aria-live="polite">
          {errors.toPhase && (
            <p id={errorId} className="text-sm font-medium text-red-700">
              <span className="sr-only">{t("ui.errorPrefix")}</span>
              {errors.toPhase}
            </p>
          )}
        </div>
      </fieldset>

      {chosen === "discharged" && (
        <div className="grid gap-4 rounded-md border border-green-200 bg-green-50/50 p-3 sm:grid-cols-2">
          <p className="text-sm text-slate-700 sm:col-span-2">{t("caseDetail.phase.dischargeNote")}</p>
          <SelectField
            label={t("caseDetail.phase.dischargeDestination")}
            name="dischargeDestination"
            required
            placeholder={t("caseDetail.form.choose")}
            options={codeOptions(DISCHARGE_DESTINATION_LABELS, locale)}
            defaultValue={value("dischargeDestination", dischargeDestination ?? "")}
            error={errors.dischargeDestination}
          />
          <SelectField
            label={t("caseDetail.phase.livingArrangementAfter")}
            name="livingArrangementAfter"
            placeholder={t("caseDetail.form.none")}
            options={codeOptions(LIVING_ARRANGEMENT_LABELS, locale)}
            defaultValue={value("livingArrangementAfter", livingArrangementAfter ?? "")}
            error={errors.livingArrangementAfter}
          />
        </div>
      )}
      {chosen === "closed" && (
        <SelectField
          label={t("caseDetail.phase.endReason")}
          name="endReason"
          required
          placeholder={t("caseDetail.form.choose")}
          options={codeOptions(END_REASON_LABELS, locale)}
          defaultValue={value("endReason", "")}
          error={errors.endReason}
        />
      )}

      <div className="grid gap-4 sm:grid-cols-[minmax(0,14rem)_1fr]">
        <TextField
          id="phase-date"
          label={t("caseDetail.phase.date")}
          name="date"
          required
          hint={t("caseDetail.form.dateHint")}
          defaultValue={value("date", dateInputValue(today))}
          error={errors.date}
        />
        <TextAreaField id="phase-note" label={t("caseDetail.phase.note")} name="note" rows={2} textKind="note" defaultValue={value("note")} error={errors.note} />
      </div>
      {asksRestatementReason(state) && <RestatementReasonField state={state} id="phase-restatement-reason" />}
      <SubmitButton>{t("caseDetail.phase.submit")}</SubmitButton>
    </form>
  );
}
