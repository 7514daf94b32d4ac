import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import clsx from "clsx";
import { DispatchStatusBadge } from "@/components/peers/status-badges";
import { ButtonLink, focusRing } from "@/components/ui/button";
import { DescriptionList } from "@/components/ui/description-list";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { getDispatchForActor } from "@/lib/dal/peer-dispatches";
import { orNotFound, requirePermission } from "@/lib/dal/session";
import { codeLabel } from "@/lib/domain/codes";
import { formatDate, formatDateTime } from "@/lib/domain/format";
import { DESTINATION_KIND_LABELS, PEER_PURPOSE_LABELS } from "@/lib/domain/peer-codes";
import { getLocale, getT } from "@/lib/i18n/server";
import { SectionCard } from "@/components/ui/section-card";
import { DispatchStatusForm } from "../_components/dispatch-status-form";

type Params = { params: Promise<{ id: string }> };

/** One load (one audit row) per request; out of reach, missing, or without the permission: 404. */
const loadDispatch = cache(async (id: string) => {
  const actor = await requirePermission("read:dispatch:reach");
  return { actor, detail: orNotFound(() => getDispatchForActor(actor, id)) };
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { detail } = await loadDispatch((await params).id);
  const locale = await getLocale();
  return { title: (await getT())("dispatches.detail.metaTitle", { date: formatDate(detail.date, locale) }) };
}

export default async function DispatchPage({ params }: Params) {
  const { actor, detail } = await loadDispatch((await params).id);
  const t = await getT();
  const locale = await getLocale();
  const canWrite = can(actor.role, "write:dispatch:reach");
  const none = t("peers.notRecorded");
  const link = clsx("rounded-sm text-brand-800 underline underline-offset-2 hover:text-brand-900", focusRing);
  const time = detail.startTime ? `${detail.startTime}${detail.endTime ? `–${detail.endTime}` : ""}` : none;
  // A total of nothing recorded is "—", not 0.
  const total = (values: (number | null)[]) => (values.some((v) => v !== null) ? values.reduce<number>((s, v) => s + (v ?? 0), 0) : null);
  const totals = {
    hours: total(detail.members.map((m) => m.hours)),
    honorarium: total(detail.members.map((m) => m.honorariumYen)),
    travel: total(detail.members.map((m) => m.travelYen)),
  };
  const yen = (n: number | null) => (n === null ? "—" : `¥${n.toLocaleString("ja-JP")}`);

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("dispatches.detail.title", { date: formatDate(detail.date, locale), purpose: codeLabel(PEER_PURPOSE_LABELS, detail.purpose, locale) })}
        description={detail.hospital?.name ?? detail.destinationName ?? undefined}
        breadcrumbs={[
          { href: "/", label: t("nav.home") },
          { href: "/peers", label: t("nav.peers") },
          { href: "/peers/dispatches", label: t("peers.tabs.dispatches") },
        ]}
        actions={
          canWrite && (
            <ButtonLink href={`/peers/dispatches/${detail.id}/edit`} variant="secondary">
              {t("dispatches.detail.edit")}
            </ButtonLink>
          )
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="min-w-0 space-y-6">
          <SectionCard id="dispatch" title={t("dispatches.detail.recordTitle")}>
            <DescriptionList
              items={[
                { term: t("dispatches.fields.status"), description: <DispatchStatusBadge status={detail.status} locale={locale} /> },
                { term: t("dispatches.fields.date"), description: formatDate(detail.date, locale) },
                { term: t("dispatches.detail.time"), description: time },
                { term: t("dispatches.fields.office"), description: detail.office.name },
                { term: t("dispatches.fields.purpose"), description: codeLabel(PEER_PURPOSE_LABELS, detail.purpose, locale) },
                {
                  term: t("dispatches.fields.destination"),
                  description: `${detail.hospital?.name ?? detail.destinationName ?? ""}（${codeLabel(DESTINATION_KIND_LABELS, detail.destinationKind, locale)}）`,
                },
                { term: t("dispatches.fields.requestingOrg"), description: detail.requestingOrg ?? none },
                { term: t("dispatches.fields.audienceCount"), description: detail.audienceCount ?? none },
                {
                  term: t("dispatches.fields.caseId"),
                  description: detail.case ? (
                    <Link href={`/cases/${detail.case.id}`} className={clsx(link, "font-mono")}>
                      {detail.case.caseNo}
                    </Link>
                  ) : (
                    none
                  ),
                },
                { term: t("dispatches.fields.report"), description: detail.report ? <span className="whitespace-pre-wrap">{detail.report}</span> : none },
              ]}
            />
          </SectionCard>
          <SectionCard id="members" title={t("dispatches.detail.membersTitle")}>
            <div className="overflow-x-auto">
              <table className="w-full min-w-[30rem] text-left text-sm">
                <caption className="sr-only">{t("dispatches.detail.membersTitle")}</caption>
                <thead className="border-b border-slate-300 text-xs text-slate-700">
                  <tr>
                    <th scope="col" className="py-2 pr-4 font-medium">{t("dispatches.form.peer")}</th>
                    <th scope="col" className="py-2 pr-4 text-right font-medium">{t("dispatches.fields.hours")}</th>
                    <th scope="col" className="py-2 pr-4 text-right font-medium">{t("dispatches.fields.honorariumYen")}</th>
                    <th scope="col" className="py-2 text-right font-medium">{t("dispatches.fields.travelYen")}</th>
                  </tr>
                </thead>
                <tbody>
                  {detail.members.map((m) => (
                    <tr key={m.peerId} className="border-b border-slate-200">
                      <td className="py-2 pr-4">
                        <Link href={`/peers/${m.peerId}`} className={link}>
                          <span className="font-mono text-xs">{m.displayCode}</span> {m.name}
                        </Link>
                      </td>
                      <td className="py-2 pr-4 text-right tabular-nums">{m.hours ?? "—"}</td>
                      <td className="py-2 pr-4 text-right tabular-nums">{yen(m.honorariumYen)}</td>
                      <td className="py-2 text-right tabular-nums">{yen(m.travelYen)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr className="font-medium">
                    <th scope="row" className="py-2 pr-4 text-left">{t("dispatches.detail.total", { n: detail.members.length })}</th>
                    <td className="py-2 pr-4 text-right tabular-nums">{totals.hours ?? "—"}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">{yen(totals.honorarium)}</td>
                    <td className="py-2 text-right tabular-nums">{yen(totals.travel)}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
          </SectionCard>
        </div>
        <div className="min-w-0 space-y-6">
          <SectionCard id="status" title={t("dispatches.detail.statusTitle")}>
            <p className="mb-3 flex items-center gap-2 text-sm text-slate-800">
              {t("dispatches.detail.current")}
              <DispatchStatusBadge status={detail.status} locale={locale} />
            </p>
            {canWrite && detail.transitions.length > 0 ? (
              <DispatchStatusForm id={detail.id} version={detail.version} transitions={detail.transitions} report={detail.report} audienceCount={detail.audienceCount} />
            ) : (
              <p className="text-sm text-slate-700">{t("dispatches.detail.final")}</p>
            )}
            <p className="mt-4 text-xs text-slate-600">{t("dispatches.detail.updated", { at: formatDateTime(detail.updatedAt, locale) })}</p>
          </SectionCard>
        </div>
      </div>
    </div>
  );
}
