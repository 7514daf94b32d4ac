"use client";
import { useRef } from "react";
import { FormMessage } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useI18n } from "@/lib/i18n/client";
import { addActivityAction } from "../actions";
import { ActivityFields } from "./activity-fields";
import { enterSubmits } from "@/components/forms/enter-submits";
import { asksRestatementReason, RestatementReasonField } from "@/components/forms/restatement-reason-field";
import { dateInputValue, useCheckedForm } from "@/components/forms/use-checked-form";

const FIELD_PREFIX = "activity";
const DATE_FIELD_ID = `${FIELD_PREFIX}-date`;

/**
 * Logging a visit has to be quicker than the Excel row it replaces: today's date and 面会 are
 * preset, Enter in any field saves, and after saving the form is empty again with the cursor
 * back in the date field for the next entry.
 */
export function ActivityQuickAdd({ caseId, today }: { caseId: string; today: string }) {
  const { t } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const { state, formAction, onSubmit, errors, message, value } = useCheckedForm(addActivityAction, () => import("@/lib/validation/case-records").then((m) => m.ActivitySchema), {
    onSuccess: () => {
      formRef.current?.reset();
      document.getElementById(DATE_FIELD_ID)?.focus();
    },
  });

  const peerChecked = value("withPeer") === "on";
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} onKeyDown={enterSubmits} className="space-y-3" noValidate>
      <p id="activity-quick-hint" className="text-sm text-slate-600">
        {t("caseDetail.activity.quickAddHint")}
      </p>
      {message && <FormMessage tone="error">{message}</FormMessage>}
      <input type="hidden" name="caseId" value={caseId} />
      <ActivityFields
        idPrefix={FIELD_PREFIX}
        defaults={{
          date: value("date", dateInputValue(today)),
          activityType: value("activityType", "ward_visit"),
          minutes: value("minutes", ""),
          withPeer: peerChecked,
          summary: value("summary", ""),
        }}
        errors={errors}
      />
      {asksRestatementReason(state) && <RestatementReasonField state={state} id="activity-restatement-reason" />}
      <SubmitButton>{t("caseDetail.activity.submit")}</SubmitButton>
    </form>
  );
}
