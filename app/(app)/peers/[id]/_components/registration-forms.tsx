"use client";
import { FormMessage, SelectField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useCheckedForm } from "@/components/forms/use-checked-form";
import { codeLabel } from "@/lib/domain/codes";
import { fiscalYearLabel } from "@/lib/domain/fiscal-year";
import { PEER_STATUS_LABELS, type PeerStatus } from "@/lib/domain/peer-codes";
import { useI18n } from "@/lib/i18n/client";
import { renewPeerAction, setPeerStatusAction } from "../../actions";

/** 休止・再開・登録抹消 by hand; 期間満了 follows from the date and is not offered. */
export function PeerStatusForm({ id, version, allowed }: { id: string; version: number; allowed: PeerStatus[] }) {
  const { t, locale } = useI18n();
  const { formAction, onSubmit, errors, message, value } = useCheckedForm(setPeerStatusAction, () => import("@/lib/validation/peer").then((m) => m.PeerStatusSchema));
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-3" noValidate>
      {message && <FormMessage tone="error">{message}</FormMessage>}
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <SelectField
        id="peer-status"
        label={t("peers.detail.changeStatus")}
        name="status"
        required
        hint={allowed.includes("withdrawn") ? t("peers.detail.withdrawHint") : undefined}
        placeholder={t("peers.form.choose")}
        options={allowed.map((s) => ({ value: s, label: codeLabel(PEER_STATUS_LABELS, s, locale) }))}
        defaultValue={value("status", "")}
        error={errors.status}
      />
      <SubmitButton variant="secondary">{t("peers.detail.changeStatusSubmit")}</SubmitButton>
    </form>
  );
}

/** Renewal carries the same record into a fiscal year (registered from its first to its last day). */
export function PeerRenewForm({ id, version, years }: { id: string; version: number; years: number[] }) {
  const { t, locale } = useI18n();
  const { formAction, onSubmit, errors, message, value } = useCheckedForm(renewPeerAction, () => import("@/lib/validation/peer").then((m) => m.PeerRenewSchema));
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-3" noValidate>
      {message && <FormMessage tone="error">{message}</FormMessage>}
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <SelectField
        id="peer-renew"
        label={t("peers.detail.renewFor")}
        name="fiscalYear"
        required
        options={years.map((fy) => ({ value: String(fy), label: fiscalYearLabel(fy, locale) }))}
        defaultValue={value("fiscalYear", String(years[0]))}
        error={errors.fiscalYear}
      />
      <SubmitButton variant="secondary">{t("peers.detail.renewSubmit")}</SubmitButton>
    </form>
  );
}
