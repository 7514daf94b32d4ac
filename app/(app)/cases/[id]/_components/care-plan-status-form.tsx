"use client";
import { FormMessage, SelectField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { CARE_PLAN_STATUS_LABELS } from "@/lib/domain/case-codes";
import { codeOptions } from "@/lib/domain/codes";
import { useI18n } from "@/lib/i18n/client";
import { setCarePlanStatusAction } from "../actions";
import { useCheckedForm } from "@/components/forms/use-checked-form";

/** Change a plan's status in place (作成中 → 実施中 → 延長中 / 終了 …). */
export function CarePlanStatusForm({ caseId, planId, status, label }: { caseId: string; planId: string; status: string; label: string }) {
  const { t, locale } = useI18n();
  const { formAction, onSubmit, errors, message, value } = useCheckedForm(setCarePlanStatusAction, () => import("@/lib/validation/case-records").then((m) => m.CarePlanStatusSchema));
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-2" noValidate>
      {message && <FormMessage tone="error">{message}</FormMessage>}
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="planId" value={planId} />
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-40 flex-1">
          <SelectField
            id={`plan-status-${planId}`}
            label={label}
            name="status"
            options={codeOptions(CARE_PLAN_STATUS_LABELS, locale)}
            defaultValue={value("status", status)}
            error={errors.status}
          />
        </div>
        {/* Level with the select, above its (usually empty) error line. */}
        <div className="mb-1.5">
          <SubmitButton variant="secondary" size="sm">
            {t("caseDetail.carePlan.changeStatus")}
          </SubmitButton>
        </div>
      </div>
    </form>
  );
}
