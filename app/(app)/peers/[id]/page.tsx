import type { Metadata } from "next";
import { jsonObject } from "@/lib/domain/json-object";
import Link from "next/link";
import { cache } from "react";
import clsx from "clsx";
import { DispatchStatusBadge, PeerStatusBadge } from "@/components/peers/status-badges";
import { Badge } from "@/components/ui/badge";
import { ButtonLink, focusRing } from "@/components/ui/button";
import { AuditSection, fieldLabels, parseAuditQuery, type AuditVocabulary } from "@/components/ui/audit-log";
import { DescriptionList } from "@/components/ui/description-list";
import { EmptyState } from "@/components/ui/empty-state";
import { FactStrip } from "@/components/ui/fact-strip";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { listDispatchesOfPeerForActor } from "@/lib/dal/peer-dispatch-list";
import { getPeerForActor, listPeerAuditForActor } from "@/lib/dal/peers";
import { orNotFound, requirePermission } from "@/lib/dal/session";
import { codeLabel, type Locale } from "@/lib/domain/codes";
import { fiscalYearLabel } from "@/lib/domain/fiscal-year";
import { formatDate } from "@/lib/domain/format";
import { PEER_PURPOSE_LABELS, PEER_STATUS_LABELS, PEER_TRAINING_LABELS } from "@/lib/domain/peer-codes";
import { getLocale, getT } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n/translate";
import { firstValues, type RawSearchParams } from "@/lib/list-url";
import { SectionCard } from "@/components/ui/section-card";
import { PeerRenewForm, PeerStatusForm } from "./_components/registration-forms";
import { AddTrainingDialog, RemoveTrainingDialog } from "./_components/training-forms";

type Params = { params: Promise<{ id: string }>; searchParams: Promise<RawSearchParams> };

/** One load (and one audit row) per request; out of reach, missing, or the prefecture role: 404. */
const loadPeer = cache(async (id: string) => {
  const actor = await requirePermission("read:peer:reach");
  return { actor, detail: orNotFound(() => getPeerForActor(actor, id)) };
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { detail } = await loadPeer((await params).id);
  // The display code only: being on this list is itself sensitive, so no name in a <title>.
  return { title: (await getT())("peers.detail.metaTitle", { code: detail.displayCode }) };
}

/** How a peer's registration fields read in its 閲覧・変更履歴 (identity fields arrive as "(changed)", never values). */
function peerAuditVocabulary(t: Translate): AuditVocabulary {
  return {
    fieldLabel: (field) => fieldLabels([field], "peers.fields.", t)[0]!,
    codes: (field) => (field === "status" ? PEER_STATUS_LABELS : field === "activities" ? PEER_PURPOSE_LABELS : field === "kind" ? PEER_TRAINING_LABELS : undefined),
  };
}

/** The headline of a peer's audit row; the values below it are worded by the shared panel. */
function peerAuditSummary(action: string, rawDetail: string | null, t: Translate, locale: Locale): string {
  const d = jsonObject(rawDetail);
  if (action === "view") return t("peers.detail.auditViewed");
  if (d.record === "training" && typeof d.kind === "string" && d.kind in PEER_TRAINING_LABELS) {
    const values = { kind: codeLabel(PEER_TRAINING_LABELS, d.kind as keyof typeof PEER_TRAINING_LABELS, locale), date: typeof d.completedOn === "string" ? formatDate(d.completedOn, locale) : "—" };
    return t(action === "delete" ? "peers.detail.auditTrainingRemoved" : "peers.detail.auditTrainingAdded", values);
  }
  if (action === "create") return t("peers.detail.auditCreated");
  if (typeof d.renewedFor === "number") return t("peers.detail.auditRenewed", { fy: fiscalYearLabel(d.renewedFor, locale) });
  return t("peers.detail.auditUpdated");
}

export default async function PeerPage({ params, searchParams }: Params) {
  const { actor, detail } = await loadPeer((await params).id);
  const query = await searchParams;
  const t = await getT();
  const locale = await getLocale();
  const canWrite = can(actor.role, "write:peer:reach");
  const r = detail.record;
  const none = t("peers.notRecorded");
  const dispatches = listDispatchesOfPeerForActor(actor, detail.id);
  const audit = can(actor.role, "read:audit:reach") ? listPeerAuditForActor(actor, detail.id, parseAuditQuery(firstValues(query))) : null;
  const link = clsx("rounded-sm text-brand-800 underline underline-offset-2 hover:text-brand-900", focusRing);

  return (
    <div className="space-y-6">
      <PageHeader
        title={`${r.familyName} ${r.givenName}`}
        description={`${r.familyNameKana} ${r.givenNameKana}`}
        breadcrumbs={[
          { href: "/", label: t("nav.home") },
          { href: "/peers", label: t("nav.peers") },
        ]}
        actions={
          canWrite && (
            <>
              {detail.status === "active" && (
                <ButtonLink href={`/peers/dispatches/new?officeId=${detail.office.id}&peerId=${detail.id}`}>{t("peers.detail.recordDispatch")}</ButtonLink>
              )}
              <ButtonLink href={`/peers/${detail.id}/edit`} variant="secondary">
                {t("peers.detail.edit")}
              </ButtonLink>
            </>
          )
        }
      />

      <FactStrip
        label={t("peers.detail.facts")}
        wide={!!detail.statusChangedOn}
        facts={[
          { term: t("peers.fields.displayCode"), description: <span className="font-mono">{detail.displayCode}</span> },
          { term: t("peers.fields.status"), description: <PeerStatusBadge status={detail.status} locale={locale} /> },
          // The day of 登録抹消 (the yearly counts date a withdrawal by it) or of the last pause or resumption.
          ...(detail.statusChangedOn
            ? [
                {
                  term: t(detail.storedStatus === "withdrawn" ? "peers.fields.withdrawnOn" : "peers.fields.statusChangedOn"),
                  description: <span className="tabular-nums">{formatDate(detail.statusChangedOn, locale)}</span>,
                },
              ]
            : []),
          { term: t("peers.fields.office"), description: detail.office.name },
          { term: t("peers.fields.registrationFy"), description: fiscalYearLabel(detail.registrationFy, locale) },
          { term: t("peers.fields.expiresOn"), description: formatDate(detail.expiresOn, locale) },
        ]}
      >
        {detail.status === "expired" && <p className="mt-3 text-sm text-amber-900">{t("peers.detail.expiredNote")}</p>}
        {detail.insuranceLapsed && (
          <p className="mt-3 flex flex-wrap items-center gap-2 text-sm text-amber-900">
            <Badge tone="warning">{t("peers.list.insuranceLapsed")}</Badge>
            {t("peers.detail.insuranceNote")}
          </p>
        )}
      </FactStrip>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="min-w-0 space-y-6">
          <SectionCard id="registration" title={t("peers.detail.registrationTitle")} description={t("peers.detail.registrationDescription")}>
            {canWrite && (detail.allowedStatuses.length > 0 || detail.renewableYears.length > 0) && (
              <div className="mb-5 grid gap-4 sm:grid-cols-2">
                {detail.renewableYears.length > 0 && <PeerRenewForm id={detail.id} version={detail.version} years={detail.renewableYears} />}
                {detail.allowedStatuses.length > 0 && <PeerStatusForm id={detail.id} version={detail.version} allowed={detail.allowedStatuses} />}
              </div>
            )}
            <div className="overflow-x-auto">
              <table className="w-full min-w-[28rem] text-left text-sm">
                <caption className="sr-only">{t("peers.detail.registrationsCaption")}</caption>
                <thead className="border-b border-slate-300 text-xs text-slate-700">
                  <tr>
                    <th scope="col" className="py-2 pr-4 font-medium">{t("peers.fields.registrationFy")}</th>
                    <th scope="col" className="py-2 pr-4 font-medium">{t("peers.fields.registeredOn")}</th>
                    <th scope="col" className="py-2 font-medium">{t("peers.fields.expiresOn")}</th>
                  </tr>
                </thead>
                <tbody>
                  {detail.registrations.map((reg) => (
                    <tr key={reg.fiscalYear} className="border-b border-slate-200 last:border-0">
                      <td className="py-2 pr-4">{fiscalYearLabel(reg.fiscalYear, locale)}</td>
                      <td className="py-2 pr-4 tabular-nums">{formatDate(reg.registeredOn, locale)}</td>
                      <td className="py-2 tabular-nums">{formatDate(reg.expiresOn, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </SectionCard>

          <SectionCard
            id="dispatches"
            title={t("peers.detail.dispatchesTitle")}
            actions={
              dispatches.length > 0 && (
                <Link href={`/peers/dispatches?peerId=${detail.id}`} className={clsx("text-sm", link)}>
                  {t("peers.detail.allDispatches")}
                </Link>
              )
            }
          >
            {dispatches.length === 0 ? (
              <EmptyState title={t("peers.detail.noDispatches")} />
            ) : (
              <div className="overflow-x-auto">
                <table className="w-full min-w-[32rem] text-left text-sm">
                  <caption className="sr-only">{t("peers.detail.dispatchesTitle")}</caption>
                  <thead className="border-b border-slate-300 text-xs text-slate-700">
                    <tr>
                      <th scope="col" className="py-2 pr-4 font-medium">{t("dispatches.fields.date")}</th>
                      <th scope="col" className="py-2 pr-4 font-medium">{t("dispatches.fields.purpose")}</th>
                      <th scope="col" className="py-2 pr-4 font-medium">{t("dispatches.fields.destination")}</th>
                      <th scope="col" className="py-2 pr-4 font-medium">{t("dispatches.fields.status")}</th>
                      <th scope="col" className="py-2 text-right font-medium">{t("dispatches.fields.hours")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {dispatches.map((d) => (
                      <tr key={d.id} className="border-b border-slate-200 last:border-0">
                        <td className="py-2 pr-4 whitespace-nowrap tabular-nums">
                          <Link href={`/peers/dispatches/${d.id}`} className={link}>
                            {formatDate(d.date, locale)}
                          </Link>
                        </td>
                        <td className="py-2 pr-4">{codeLabel(PEER_PURPOSE_LABELS, d.purpose, locale)}</td>
                        <td className="py-2 pr-4">{d.destination}</td>
                        <td className="py-2 pr-4">
                          <DispatchStatusBadge status={d.status} locale={locale} />
                        </td>
                        <td className="py-2 text-right tabular-nums">{d.hours ?? "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </SectionCard>
        </div>

        <div className="min-w-0 space-y-6">
          <SectionCard id="contact" title={t("peers.detail.contactTitle")} description={t("peers.detail.contactDescription")}>
            <DescriptionList
              items={[
                { term: t("peers.fields.phone"), description: r.phone ?? none },
                { term: t("peers.fields.email"), description: r.email ?? none },
                { term: t("peers.fields.registeredOn"), description: formatDate(detail.registeredOn, locale) },
                { term: t("peers.fields.consentDate"), description: r.consentDate ? formatDate(r.consentDate, locale) : none },
                { term: t("peers.fields.volunteerInsuranceUntil"), description: r.volunteerInsuranceUntil ? formatDate(r.volunteerInsuranceUntil, locale) : none },
                {
                  term: t("peers.fields.activities"),
                  description: r.activities.length ? r.activities.map((a) => codeLabel(PEER_PURPOSE_LABELS, a, locale)).join(t("peers.listSeparator")) : none,
                },
                { term: t("peers.fields.regionIds"), description: detail.regionNames.length ? detail.regionNames.join(t("peers.listSeparator")) : none },
              ]}
            />
          </SectionCard>

          <SectionCard id="trainings" title={t("peers.detail.trainingsTitle")} actions={canWrite && <AddTrainingDialog peerId={detail.id} />}>
            {detail.trainings.length === 0 ? (
              <EmptyState title={t("peers.detail.noTrainings")} />
            ) : (
              <ul className="divide-y divide-slate-200">
                {detail.trainings.map((tr) => {
                  const label = `${codeLabel(PEER_TRAINING_LABELS, tr.kind, locale)}（${formatDate(tr.completedOn, locale)}）`;
                  return (
                    <li key={tr.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                      <span>
                        <span className="font-medium text-slate-900">{codeLabel(PEER_TRAINING_LABELS, tr.kind, locale)}</span>
                        <span className="ml-2 text-slate-700 tabular-nums">{formatDate(tr.completedOn, locale)}</span>
                      </span>
                      {canWrite && <RemoveTrainingDialog peerId={detail.id} trainingId={tr.id} label={label} />}
                    </li>
                  );
                })}
              </ul>
            )}
          </SectionCard>

          {audit && (
            <AuditSection
              trail={audit}
              title={t("peers.detail.auditTitle")}
              description={t("peers.detail.auditDescription")}
              summary={(row) => peerAuditSummary(row.action, row.detail, t, locale)}
              vocab={peerAuditVocabulary(t)}
              basePath={`/peers/${detail.id}`}
              searchParams={query}
              t={t}
              locale={locale}
            />
          )}
        </div>
      </div>
    </div>
  );
}
