"use client";
import { Dialog, DialogCancelButton, useDialog } from "@/components/ui/dialog";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { ADMISSION_TYPE_LABELS } from "@/lib/domain/case-codes";
import { codeOptions } from "@/lib/domain/codes";
import { useI18n } from "@/lib/i18n/client";
import { addReadmissionAction } from "../actions";
import { asksRestatementReason, RestatementReasonField } from "@/components/forms/restatement-reason-field";
import { useCheckedForm } from "@/components/forms/use-checked-form";

type Props = { caseId: string; hospitals: { id: string; name: string }[]; defaultHospitalId: string };

/** A psychiatric readmission after the discharge (the index stay is part of the case). */
export function ReadmissionDialog(props: Props) {
  const { t } = useI18n();
  return (
    <Dialog
      triggerLabel={t("caseDetail.hospitalization.add")}
      triggerVariant="secondary"
      title={t("caseDetail.hospitalization.dialogTitle")}
      description={t("caseDetail.hospitalization.dialogDescription")}
    >
      <ReadmissionForm {...props} />
    </Dialog>
  );
}

function ReadmissionForm({ caseId, hospitals, defaultHospitalId }: Props) {
  const { t, locale } = useI18n();
  const dialog = useDialog();
  const { state, formAction, onSubmit, errors, message, value } = useCheckedForm(addReadmissionAction, () => import("@/lib/validation/case-records").then((m) => m.ReadmissionSchema), { onSuccess: dialog.close });
  const hint = t("caseDetail.form.dateHint");
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-4" noValidate>
      {message && <FormMessage tone="error">{message}</FormMessage>}
      <input type="hidden" name="caseId" value={caseId} />
      <SelectField
        id="readmission-hospital"
        label={t("caseDetail.hospitalization.hospital")}
        name="hospitalId"
        required
        placeholder={t("caseDetail.form.choose")}
        options={hospitals.map((h) => ({ value: h.id, label: h.name }))}
        defaultValue={value("hospitalId", defaultHospitalId)}
        error={errors.hospitalId}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id="readmission-admission" label={t("caseDetail.hospitalization.admissionDate")} name="admissionDate" required hint={hint} defaultValue={value("admissionDate", "")} error={errors.admissionDate} />
        <TextField id="readmission-discharge" label={t("caseDetail.hospitalization.dischargeDate")} name="dischargeDate" hint={hint} defaultValue={value("dischargeDate", "")} error={errors.dischargeDate} />
      </div>
      <SelectField
        id="readmission-type"
        label={t("caseDetail.hospitalization.admissionType")}
        name="admissionType"
        placeholder={t("caseDetail.form.none")}
        options={codeOptions(ADMISSION_TYPE_LABELS, locale)}
        defaultValue={value("admissionType", "")}
        error={errors.admissionType}
      />
      {asksRestatementReason(state) && <RestatementReasonField state={state} id="readmission-restatement-reason" />}
      <div className="flex justify-end gap-2">
        <DialogCancelButton />
        <SubmitButton>{t("caseDetail.hospitalization.submit")}</SubmitButton>
      </div>
    </form>
  );
}
