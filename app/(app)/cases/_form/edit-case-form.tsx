"use client";
import { ConflictMessage } from "@/components/forms/conflict-message";
import { FormSection } from "@/components/forms/form-section";
import { asksRestatementReason, RestatementReasonField } from "@/components/forms/restatement-reason-field";
import { useCheckedForm } from "@/components/forms/use-checked-form";
import { ButtonLink } from "@/components/ui/button";
import { FormMessage, SelectField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { DISCHARGE_DESTINATION_LABELS, END_REASON_LABELS, LIVING_ARRANGEMENT_LABELS } from "@/lib/domain/case-codes";
import { codeOptions } from "@/lib/domain/codes";
import { formatDate } from "@/lib/domain/format";
import { useI18n } from "@/lib/i18n/client";
import { CaseRecordFields, ReadOnlyField } from "./case-fields";
import type { EditCaseState, Option } from "./types";

type Props = {
  action: (prev: EditCaseState, formData: FormData) => Promise<EditCaseState>;
  caseId: string;
  version: number;
  /** JSON of the values the form was loaded with, so a conflict can say what changed since. */
  base: string;
  /** The stored values as the fields show them (dates as 2024/04/01, "" for none). */
  defaults: Record<string, string>;
  /** ISO dates, changed only by a phase change: shown, and sent back unchanged. */
  dischargeDate: string | null;
  endDate: string | null;
  hospitals: Option[];
  staff: Option[];
};

const initialState: EditCaseState = { ok: false };

/**
 * The case record's fields, loaded with the stored values. A save over a newer version is
 * refused by the server; the answer names each field someone else changed and its value now,
 * and everything typed here stays in the form.
 */
export function EditCaseForm({ action, caseId, version, base, defaults, dischargeDate, endDate, hospitals, staff }: Props) {
  const { t, locale } = useI18n();
  const { state, formAction, onSubmit, errors: e, message, messageRef, value, hasBrowserErrors } = useCheckedForm(action, () => import("@/lib/validation/case").then((m) => m.CaseUpdateSchema), { initial: initialState });
  const v = (name: string) => value(name, defaults[name]);
  const label = (name: string) => t(`caseForm.fields.${name}` as Parameters<typeof t>[0]);
  const conflictLines = !state.ok && !hasBrowserErrors ? state.conflictLines : undefined;

  return (
    <form action={formAction} onSubmit={onSubmit} className="max-w-4xl space-y-6" noValidate>
      <div ref={messageRef} tabIndex={-1} className="focus:outline-none">
        {conflictLines ? (
          <ConflictMessage title={t("caseForm.conflict.title")} lines={conflictLines} reloadHref={`/cases/${caseId}/edit`} reloadLabel={t("caseForm.conflict.reload")} by={state.ok ? undefined : state.conflictBy} />
        ) : (
          message && <FormMessage tone="error">{message}</FormMessage>
        )}
      </div>
      <p className="text-sm text-slate-700">{t("caseForm.requiredNote")}</p>
      <input type="hidden" name="id" value={caseId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="base" value={base} />

      <CaseRecordFields value={value} defaults={defaults} errors={e} hospitals={hospitals} staff={staff} />

      {dischargeDate || endDate ? (
        <FormSection title={t("caseForm.sections.outcome")} note={t("caseForm.sections.outcomeNote")}>
          {dischargeDate ? (
            <>
              <ReadOnlyField
                label={label("dischargeDate")}
                name="dischargeDate"
                value={dischargeDate}
                display={t("caseForm.readOnlyDate", { date: formatDate(dischargeDate, locale) })}
                error={e.dischargeDate}
              />
              <SelectField
                label={label("dischargeDestination")}
                name="dischargeDestination"
                required
                options={codeOptions(DISCHARGE_DESTINATION_LABELS, locale)}
                placeholder={t("caseForm.choose")}
                defaultValue={v("dischargeDestination")}
                error={e.dischargeDestination}
              />
              <SelectField
                label={label("livingArrangementAfter")}
                name="livingArrangementAfter"
                options={codeOptions(LIVING_ARRANGEMENT_LABELS, locale)}
                placeholder={t("caseForm.notRecorded")}
                defaultValue={v("livingArrangementAfter")}
                error={e.livingArrangementAfter}
              />
            </>
          ) : (
            <>
              <input type="hidden" name="dischargeDate" value="" />
              <input type="hidden" name="dischargeDestination" value="" />
              <input type="hidden" name="livingArrangementAfter" value="" />
            </>
          )}
          {endDate ? (
            <>
              <ReadOnlyField label={label("endDate")} name="endDate" value={endDate} display={t("caseForm.readOnlyDate", { date: formatDate(endDate, locale) })} error={e.endDate} />
              <SelectField
                label={label("endReason")}
                name="endReason"
                required
                options={codeOptions(END_REASON_LABELS, locale)}
                placeholder={t("caseForm.choose")}
                defaultValue={v("endReason")}
                error={e.endReason}
              />
            </>
          ) : (
            <>
              <input type="hidden" name="endDate" value="" />
              <input type="hidden" name="endReason" value="" />
            </>
          )}
        </FormSection>
      ) : (
        <>
          <input type="hidden" name="dischargeDate" value="" />
          <input type="hidden" name="dischargeDestination" value="" />
          <input type="hidden" name="livingArrangementAfter" value="" />
          <input type="hidden" name="endDate" value="" />
          <input type="hidden" name="endReason" value="" />
        </>
      )}

      {asksRestatementReason(state) && <RestatementReasonField state={state} id="case-restatement-reason" />}

      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton>{t("caseForm.save")}</SubmitButton>
        <ButtonLink href={`/cases/${caseId}`} variant="secondary">
          {t("caseForm.cancel")}
        </ButtonLink>
      </div>
    </form>
  );
}
