"use client";
import { useCheckedForm } from "@/components/forms/use-checked-form";
import { FormMessage, SelectField, TextAreaField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useI18n } from "@/lib/i18n/client";
import { acceptTransferAction, cancelTransferAction, declineTransferAction, requestTransferAction } from "../actions";

type Option = { id: string; name: string };

/** A supervisor of the office holding the case asks another office to take it (ADR 0032). */
export function RequestTransferForm({ caseId, version, offices }: { caseId: string; version: number; offices: Option[] }) {
  const { t } = useI18n();
  const { formAction, onSubmit, errors, message, value } = useCheckedForm(requestTransferAction, () => import("@/lib/validation/case-transfer").then((m) => m.TransferRequestSchema));
  if (offices.length === 0) return <p className="text-sm text-slate-700">{t("transfer.request.noTargets")}</p>;
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-3" noValidate>
      {message && <FormMessage tone="error">{message}</FormMessage>}
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={version} />
      <SelectField
        id="transfer-office"
        label={t("transfer.request.toOffice")}
        name="toOfficeId"
        required
        placeholder={t("caseDetail.form.choose")}
        options={offices.map((o) => ({ value: o.id, label: o.name }))}
        defaultValue={value("toOfficeId", "")}
        error={errors.toOfficeId}
      />
      <TextAreaField id="transfer-reason" label={t("transfer.request.reason")} name="reason" required rows={2} textKind="reason" defaultValue={value("reason", "")} error={errors.reason} />
      <SubmitButton variant="secondary">{t("transfer.request.submit")}</SubmitButton>
    </form>
  );
}

/** The sender withdraws its open request. */
export function CancelTransferForm({ transferId, version }: { transferId: string; version: number }) {
  const { t } = useI18n();
  const { formAction, onSubmit, message } = useCheckedForm(cancelTransferAction, () => import("@/lib/validation/case-transfer").then((m) => m.TransferCancelSchema));
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-2" noValidate>
      {message && <FormMessage tone="error">{message}</FormMessage>}
      <input type="hidden" name="transferId" value={transferId} />
      <input type="hidden" name="version" value={version} />
      <SubmitButton variant="secondary">{t("transfer.pending.cancel")}</SubmitButton>
    </form>
  );
}

/** The receiving office accepts, naming the coordinator of the case. */
export function AcceptTransferForm({ transferId, version, staff }: { transferId: string; version: number; staff: Option[] }) {
  const { t } = useI18n();
  const { formAction, onSubmit, errors, message, value } = useCheckedForm(acceptTransferAction, () => import("@/lib/validation/case-transfer").then((m) => m.TransferAcceptSchema));
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-2" noValidate>
      {message && <FormMessage tone="error">{message}</FormMessage>}
      <input type="hidden" name="transferId" value={transferId} />
      <input type="hidden" name="version" value={version} />
      <SelectField
        id={`accept-coordinator-${transferId}`}
        label={t("transfer.inbox.coordinator")}
        name="coordinatorUserId"
        required
        placeholder={t("caseDetail.form.choose")}
        options={staff.map((s) => ({ value: s.id, label: s.name }))}
        defaultValue={value("coordinatorUserId", "")}
        error={errors.coordinatorUserId}
      />
      <SubmitButton>{t("transfer.inbox.accept")}</SubmitButton>
    </form>
  );
}

/** The receiving office declines, saying why. */
export function DeclineTransferForm({ transferId, version }: { transferId: string; version: number }) {
  const { t } = useI18n();
  const { formAction, onSubmit, errors, message, value } = useCheckedForm(declineTransferAction, () => import("@/lib/validation/case-transfer").then((m) => m.TransferDeclineSchema));
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-2" noValidate>
      {message && <FormMessage tone="error">{message}</FormMessage>}
      <input type="hidden" name="transferId" value={transferId} />
      <input type="hidden" name="version" value={version} />
      <TextAreaField id={`decline-note-${transferId}`} label={t("transfer.inbox.declineNote")} name="note" required rows={2} textKind="reason" defaultValue={value("note", "")} error={errors.note} />
      <SubmitButton variant="secondary">{t("transfer.inbox.decline")}</SubmitButton>
    </form>
  );
}
