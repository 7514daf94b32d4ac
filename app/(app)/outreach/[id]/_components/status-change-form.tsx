"use client";
import clsx from "clsx";
import { useState } from "react";
import { asksRestatementReason, RestatementReasonField } from "@/components/forms/restatement-reason-field";
import { dateInputValue, useCheckedForm } from "@/components/forms/use-checked-form";
import { OutreachStatusBadge } from "@/components/outreach/status-badge";
import { focusRing } from "@/components/ui/button";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { OUTREACH_END_REASON_LABELS, type OutreachEndReason, type OutreachStatus } from "@/lib/domain/outreach-codes";
import { useI18n } from "@/lib/i18n/client";
import { changeOutreachStatusAction } from "../actions";

type Props = {
  caseId: string;
  version: number;
  current: OutreachStatus;
  transitions: OutreachStatus[];
  endReasons: OutreachEndReason[];
  today: string;
};

/**
 * Moves the case along 選定前 → 支援中 → 終結. Only the transitions the DAL computed are offered;
 * starting asks for the start date, closing for the end date and the reason.
 */
export function StatusChangeForm({ caseId, version, current, transitions, endReasons, today }: Props) {
  const { t, locale } = useI18n();
  const [target, setTarget] = useState<string>("");
  const { state, formAction, onSubmit, errors, message, messageRef, value } = useCheckedForm(changeOutreachStatusAction, () => import("@/lib/validation/outreach").then((m) => m.OutreachStatusSchema), {
    onSuccess: () => setTarget(""),
  });
  const submitted = value("toStatus");
  const chosen = target || submitted || "";
  const errorId = "field-toStatus-error";
  const hintId = "field-toStatus-hint";

  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-4" noValidate>
      <div ref={messageRef} tabIndex={-1} className="focus:outline-none">
        {message && <FormMessage tone="error">{message}</FormMessage>}
      </div>
      <input type="hidden" name="id" value={caseId} />
      <input type="hidden" name="version" value={version} />
      <fieldset aria-describedby={clsx(hintId, errors.toStatus && errorId)} className="space-y-2">
        <legend className="flex items-center gap-2 text-sm font-medium text-slate-800">
          {t("outreach.detail.status.toStatus")}
          <span className="rounded-sm bg-red-700 px-1.5 py-px text-xs leading-tight font-medium text-white">{t("ui.required")}</span>
        </legend>
        <p id={hintId} className="text-sm text-slate-600">
          {t("outreach.detail.status.toStatusHint")}
        </p>
        <div className="flex flex-wrap gap-2">
          {transitions.map((status) => (
            <label
              key={status}
              className={clsx(
                "flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50",
                errors.toStatus ? "border-red-700" : "border-slate-400",
              )}
            >
              <input
                // Uncontrolled like the kit's fields: React's reset after a failed save puts the
                // radio back on its default, which is what the user chose.
                key={`${status}-${submitted ?? ""}`}
                type="radio"
                name="toStatus"
                value={status}
                defaultChecked={submitted === status}
                onChange={() => setTarget(status)}
                className={clsx("size-4 accent-brand-700", focusRing)}
              />
              <OutreachStatusBadge status={status} locale={locale} />
            </label>
          ))}
        </div>
        <div aria-live="polite">
          {errors.toStatus && (
            <p id={errorId} className="text-sm font-medium text-red-700">
              <span className="sr-only">{t("ui.errorPrefix")}</span>
              {errors.toStatus}
            </p>
          )}
        </div>
      </fieldset>

      {chosen === "closed" && (
        <div className="grid gap-4 rounded-md border border-slate-300 bg-slate-50 p-3 sm:grid-cols-2">
          {current === "referred" && <p className="text-sm text-slate-700 sm:col-span-2">{t("outreach.detail.status.notTakenUp")}</p>}
          <SelectField
            id="status-end-reason"
            label={t("outreach.detail.status.endReason")}
            name="endReason"
            required
            placeholder={t("outreach.detail.status.choose")}
            options={endReasons.map((r) => ({ value: r, label: OUTREACH_END_REASON_LABELS[r][locale] }))}
            defaultValue={value("endReason", "")}
            error={errors.endReason}
          />
          {current === "active" && (
            <TextField
              id="status-gaf-end"
              label={t("outreach.detail.status.gafEnd")}
              name="gafEnd"
              inputMode="numeric"
              autoComplete="off"
              hint={t("outreach.detail.status.gafHint")}
              defaultValue={value("gafEnd", "")}
              error={errors.gafEnd}
            />
          )}
        </div>
      )}

      <div className="max-w-sm">
        <TextField
          id="status-date"
          label={t(chosen === "closed" ? "outreach.detail.status.dateClosed" : chosen === "active" ? "outreach.detail.status.dateActive" : "outreach.detail.status.date")}
          name="date"
          required
          autoComplete="off"
          hint={t("outreach.detail.status.dateHint")}
          defaultValue={value("date", dateInputValue(today))}
          error={errors.date}
        />
      </div>
      {asksRestatementReason(state) && <RestatementReasonField state={state} id="status-restatement-reason" />}
      <SubmitButton>{t("outreach.detail.status.submit")}</SubmitButton>
    </form>
  );
}
