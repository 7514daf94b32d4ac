"use client";
import { FormMessage, SelectField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useI18n } from "@/lib/i18n/client";
import { reassignCaseAction } from "../actions";
import { useCheckedForm } from "@/components/forms/use-checked-form";

type Props = { caseId: string; version: number; currentId: string; staff: { id: string; name: string }[] };

/** A supervisor hands the case to another coordinator of its office (the DAL audits it). */
export function ReassignForm({ caseId, version, currentId, staff }: Props) {
  const { t } = useI18n();
  const { formAction, onSubmit, errors, message, value } = useCheckedForm(reassignCaseAction, () => import("@/lib/validation/case-records").then((m) => m.ReassignSchema));
  const others = staff.filter((s) => s.id !== currentId);
  if (others.length === 0) return <p className="text-sm text-slate-700">{t("caseDetail.reassign.noOther")}</p>;
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-3" noValidate>
      {message && <FormMessage tone="error">{message}</FormMessage>}
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={version} />
      <SelectField
        id="reassign-coordinator"
        label={t("caseDetail.reassign.coordinator")}
        name="coordinatorUserId"
        required
        placeholder={t("caseDetail.form.choose")}
        options={others.map((s) => ({ value: s.id, label: s.name }))}
        defaultValue={value("coordinatorUserId", "")}
        error={errors.coordinatorUserId}
      />
      <SubmitButton variant="secondary">{t("caseDetail.reassign.submit")}</SubmitButton>
    </form>
  );
}
