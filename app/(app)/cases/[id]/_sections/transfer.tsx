import { Badge } from "@/components/ui/badge";
import { SectionCard } from "@/components/ui/section-card";
import type { TransferView } from "@/lib/dal/case-transfers";
import { formatDate } from "@/lib/domain/format";
import { todayIso } from "@/lib/domain/fiscal-year";
import type { Locale } from "@/lib/domain/codes";
import type { Translate } from "@/lib/i18n/translate";
import { CancelTransferForm, RequestTransferForm } from "../../../transfers/_components/transfer-forms";

/** A stored timestamp as its day in Japan. */
const dayOf = (iso: string, locale: Locale) => formatDate(todayIso(new Date(iso)), locale);

type Props = { transfers: TransferView[]; canTransfer: boolean; t: Translate; locale: Locale };

/** The open request of the case, for everyone who reads it: the case stays here until it is accepted (ADR 0032). */
export function TransferBanner({ transfers, canTransfer, t, locale }: Props) {
  const pending = transfers.find((x) => x.status === "requested");
  if (!pending) return null;
  return (
    <div role="status" className="space-y-2 rounded-md border border-amber-500 bg-amber-50 p-4 text-sm text-slate-900">
      <p className="font-semibold">{t("transfer.pending.title")}</p>
      <p>{t("transfer.pending.body", { to: pending.toOffice, date: dayOf(pending.requestedAt, locale), by: pending.requestedBy })}</p>
      <p>{t("transfer.pending.reason", { reason: pending.reason })}</p>
      {canTransfer && <CancelTransferForm transferId={pending.id} version={pending.version} />}
    </div>
  );
}

/** The case's transfers (移管の履歴) and, for a supervisor of the office holding it, the request form. */
export function TransferSection({ caseId, version, closed, targets, transfers, canTransfer, t, locale }: Props & { caseId: string; version: number; closed: boolean; targets: { id: string; name: string }[] }) {
  const canRequest = canTransfer && !closed && !transfers.some((x) => x.status === "requested");
  if (!canRequest && transfers.length === 0) return null;
  return (
    <SectionCard id="transfer" title={canRequest ? t("transfer.request.title") : t("transfer.history.title")} description={canRequest ? t("transfer.request.description") : undefined}>
      {transfers.length > 0 && (
        <ol aria-label={t("transfer.history.title")} className="mb-4 space-y-3 text-sm">
          {transfers.map((x) => (
            <li key={x.id} className="space-y-0.5 border-l-2 border-slate-300 pl-3">
              <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                <Badge tone={x.status === "accepted" ? "success" : x.status === "requested" ? "warning" : "neutral"}>{t(`transfer.status.${x.status}`)}</Badge>
                {t("transfer.history.route", { from: x.fromOffice, to: x.toOffice })}
              </p>
              <p className="text-slate-700">{t("transfer.history.requested", { date: dayOf(x.requestedAt, locale), by: x.requestedBy })}</p>
              <p className="text-slate-700">{t("transfer.history.reason", { reason: x.reason })}</p>
              {x.decidedAt && x.status !== "requested" && (
                <p className="text-slate-700">{t("transfer.history.decided", { status: t(`transfer.status.${x.status}`), date: dayOf(x.decidedAt, locale), by: x.decidedBy ?? "" })}</p>
              )}
              {x.effectiveDate && <p className="text-slate-700">{t("transfer.history.effective", { date: formatDate(x.effectiveDate, locale), to: x.toOffice })}</p>}
              {x.decisionNote && <p className="text-slate-700">{t("transfer.history.note", { note: x.decisionNote })}</p>}
            </li>
          ))}
        </ol>
      )}
      {canRequest && <RequestTransferForm caseId={caseId} version={version} offices={targets} />}
    </SectionCard>
  );
}
