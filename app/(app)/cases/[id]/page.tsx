import type { Metadata } from "next";
import { cache } from "react";
import { ButtonLink } from "@/components/ui/button";
import { parseAuditQuery } from "@/components/ui/audit-log";
import { ExportButtons } from "@/components/export-buttons";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { getCaseForActor, listCaseAuditForActor, listCaseStaffForActor } from "@/lib/dal/cases";
import { listTransfersOfCase, transferTargetsFor } from "@/lib/dal/case-transfers";
import { mayExportIdentity } from "@/lib/dal/exports";
import { listHospitalsForActor } from "@/lib/dal/hospitals";
import { listDispatchesOfCaseForActor } from "@/lib/dal/peer-dispatch-list";
import { orNotFound, requirePermission } from "@/lib/dal/session";
import { todayIso } from "@/lib/domain/fiscal-year";
import { getLocale, getT } from "@/lib/i18n/server";
import { firstValues, type RawSearchParams } from "@/lib/list-url";
import { ActivitySection, ALL_ACTIVITIES_PARAM } from "./_sections/activities";
import { AuditSection } from "./_sections/audit";
import { CaseFacts } from "./_sections/case-facts";
import { CarePlanSection } from "./_sections/care-plans";
import { FollowUpSection } from "./_sections/follow-ups";
import { HospitalizationSection } from "./_sections/hospitalizations";
import { IdentitySection } from "./_sections/identity";
import { PeerDispatchSection } from "./_sections/peer-dispatches";
import { PersonRecordsSection } from "./_sections/person-records";
import { PhaseSection } from "./_sections/phase";
import { ReassignSection } from "./_sections/reassign";
import { SummarySection } from "./_sections/summary";
import { TimelineSection } from "./_sections/timeline";
import { TransferBanner, TransferSection } from "./_sections/transfer";
import { TrialStaySection } from "./_sections/trial-stays";

/*
 * The case page: loads the case, decides what the viewer may do (canWrite, canReassign, canAudit)
 * and lays the sections out. Each section is its own component in ./_sections and neither loads
 * nor decides: the rows one needs beyond the case (dispatches; hospitals, staff and audit rows
 * only for a viewer who may use them) are loaded here and passed in.
 */

type Params = { params: Promise<{ id: string }>; searchParams: Promise<RawSearchParams> };

/**
 * One load per request, shared by the metadata and the page, so a visit is audited once.
 * Out of reach, missing and the prefecture/admin roles all get the same 404.
 */
const loadCase = cache(async (id: string) => {
  const actor = await requirePermission("read:identity:reach");
  return { actor, detail: orNotFound(() => getCaseForActor(actor, id)) };
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { detail } = await loadCase((await params).id);
  // The case number only: a person's name never goes into a <title> (history, tabs, logs).
  return { title: (await getT())("caseDetail.metaTitle", { caseNo: detail.caseNo }) };
}

export default async function CasePage({ params, searchParams }: Params) {
  const { id } = await params;
  const query = await searchParams;
  const { actor, detail } = await loadCase(id);
  const t = await getT();
  const locale = await getLocale();
  const today = todayIso();
  // A closed case is read-only (ADR 0029): no section offers a write; the DAL refuses them anyway.
  const canWrite = can(actor.role, "write:case:reach") && detail.phase !== "closed";
  const canReassign = can(actor.role, "reassign:case:reach") && detail.phase !== "closed";
  const canAudit = can(actor.role, "read:audit:reach");
  // Transfer to another office (ADR 0032): its history for everyone who reads the case.
  const canTransfer = can(actor.role, "transfer:case:reach");
  const transfers = listTransfersOfCase(actor, detail.id);

  return (
    <div className="space-y-6">
      <PageHeader
        title={`${detail.identity.familyName} ${detail.identity.givenName}`}
        description={`${detail.identity.familyNameKana} ${detail.identity.givenNameKana}`}
        breadcrumbs={[
          { href: "/", label: t("nav.home") },
          { href: "/cases", label: t("nav.cases") },
        ]}
        actions={
          <>
            <ButtonLink href={`/cases/${detail.id}/summary`} variant="secondary">
              {t("print.caseSummary.link")}
            </ButtonLink>
            {canWrite && (
              <ButtonLink href={`/cases/${detail.id}/edit`} variant="secondary">
                {t("caseDetail.edit")}
              </ButtonLink>
            )}
          </>
        }
      />

      <CaseFacts detail={detail} today={today} t={t} locale={locale} />
      <ExportButtons list="case" query={{ id: detail.id }} identity={mayExportIdentity(actor)} label={t("export.case.button")} />

      {detail.phase === "closed" && (
        <div role="status" className="rounded-md border border-slate-400 bg-slate-100 p-4 text-sm text-slate-800">
          <p className="font-semibold text-slate-900">{t("caseDetail.closed.title")}</p>
          <p className="mt-1">{t("caseDetail.closed.body")}</p>
        </div>
      )}

      <TransferBanner transfers={transfers} canTransfer={canTransfer} t={t} locale={locale} />

      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="min-w-0 space-y-6">
          <PhaseSection detail={detail} canWrite={canWrite} today={today} t={t} locale={locale} />
          <ActivitySection detail={detail} canWrite={canWrite} today={today} showAll={firstValues(query)[ALL_ACTIVITIES_PARAM] === "all"} t={t} locale={locale} />
          <TimelineSection detail={detail} t={t} locale={locale} />
        </div>

        <div className="min-w-0 space-y-6">
          <IdentitySection detail={detail} canWrite={canWrite} t={t} locale={locale} />
          <PersonRecordsSection detail={detail} canOpenCase={can(actor.role, "write:case:reach")} canOpenOutreach={can(actor.role, "write:outreach:reach")} t={t} locale={locale} />
          <SummarySection detail={detail} t={t} locale={locale} />
          <FollowUpSection detail={detail} canWrite={canWrite} today={today} t={t} locale={locale} />
          <CarePlanSection detail={detail} canWrite={canWrite} today={today} t={t} locale={locale} />
          <TrialStaySection detail={detail} canWrite={canWrite} t={t} locale={locale} />
          <PeerDispatchSection caseId={detail.id} officeId={detail.office.id} dispatches={listDispatchesOfCaseForActor(actor, detail.id)} canWrite={canWrite} t={t} locale={locale} />
          <HospitalizationSection
            detail={detail}
            canWrite={canWrite}
            hospitals={canWrite && detail.fields.dischargeDate ? listHospitalsForActor(actor) : []}
            t={t}
            locale={locale}
          />
        </div>
      </div>

      <TransferSection
        caseId={detail.id}
        version={detail.version}
        closed={detail.phase === "closed"}
        targets={canTransfer && detail.phase !== "closed" ? transferTargetsFor(actor) : []}
        transfers={transfers}
        canTransfer={canTransfer}
        t={t}
        locale={locale}
      />

      {(canReassign || canAudit) && (
        <div className={canReassign ? "grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]" : "grid gap-6"}>
          {canReassign && <ReassignSection detail={detail} staff={listCaseStaffForActor(actor, detail.office.id)} t={t} />}
          {canAudit && <AuditSection caseId={detail.id} trail={listCaseAuditForActor(actor, detail.id, parseAuditQuery(firstValues(query)))} searchParams={query} t={t} locale={locale} />}
        </div>
      )}
    </div>
  );
}
