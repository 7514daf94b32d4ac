import type { Metadata } from "next";
import { ExportButtons } from "@/components/export-buttons";
import { PageHeader } from "@/components/ui/page-header";
import { SectionCard } from "@/components/ui/section-card";
import { coordinatorsForIncoming, listIncomingTransfers, listTransferredOut } from "@/lib/dal/case-transfers";
import { mayExportIdentity } from "@/lib/dal/exports";
import { requirePermission } from "@/lib/dal/session";
import { formatDate } from "@/lib/domain/format";
import { todayIso } from "@/lib/domain/fiscal-year";
import { getLocale, getT } from "@/lib/i18n/server";
import { AcceptTransferForm, DeclineTransferForm } from "./_components/transfer-forms";
import { TransferredOutSection } from "./_components/transferred-out";

/*
 * 移管 (ADR 0032): the requests other offices sent to the supervisor's offices, each with the
 * least identity needed to decide (the list is audited as a view by the DAL) and the accept and
 * decline forms; and the cases transferred out, without links.
 */

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("transfer.page.title") };
}

export default async function TransfersPage() {
  const actor = await requirePermission("transfer:case:reach");
  const t = await getT();
  const locale = await getLocale();
  const incoming = listIncomingTransfers(actor);
  const staff = incoming.length > 0 ? coordinatorsForIncoming(actor) : [];
  const out = listTransferredOut(actor);

  return (
    <div className="space-y-6">
      <PageHeader title={t("transfer.page.title")} description={t("transfer.page.description")} breadcrumbs={[{ href: "/", label: t("nav.home") }]} />
      <ExportButtons list="transfers" query={{}} identity={mayExportIdentity(actor)} />

      <SectionCard id="incoming" title={t("transfer.inbox.title")} description={t("transfer.inbox.description")}>
        {incoming.length === 0 ? (
          <p className="text-sm text-slate-700">{t("transfer.inbox.empty")}</p>
        ) : (
          <ul className="space-y-4">
            {incoming.map((x) => (
              <li key={x.id} aria-label={x.caseNo} className="rounded-md border border-slate-300 p-4">
                <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                  <dt className="text-slate-700">{t("transfer.inbox.caseNo")}</dt>
                  <dd className="tabular-nums text-slate-900">{x.caseNo}</dd>
                  <dt className="text-slate-700">{t("transfer.inbox.person")}</dt>
                  <dd className="text-slate-900">
                    {x.name}（{x.kana}）
                  </dd>
                  <dt className="text-slate-700">{t("transfer.inbox.birth")}</dt>
                  <dd className="text-slate-900">{x.birthYearMonth.replace("-", "/")}</dd>
                  <dt className="text-slate-700">{t("transfer.inbox.from")}</dt>
                  <dd className="text-slate-900">{x.fromOffice}</dd>
                  <dt className="text-slate-700">{t("transfer.inbox.to")}</dt>
                  <dd className="text-slate-900">{x.toOffice}</dd>
                  <dt className="text-slate-700">{t("transfer.inbox.requestedAt")}</dt>
                  <dd className="text-slate-900">
                    {formatDate(todayIso(new Date(x.requestedAt)), locale)}（{x.requestedBy}）
                  </dd>
                  <dt className="text-slate-700">{t("transfer.inbox.reason")}</dt>
                  <dd className="whitespace-pre-wrap text-slate-900">{x.reason}</dd>
                </dl>
                <div className="mt-4 grid gap-4 md:grid-cols-2">
                  <AcceptTransferForm transferId={x.id} version={x.version} staff={staff.filter((s) => s.officeId === x.toOfficeId)} />
                  <DeclineTransferForm transferId={x.id} version={x.version} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </SectionCard>

      <TransferredOutSection rows={out} t={t} locale={locale} showEmpty />
    </div>
  );
}
