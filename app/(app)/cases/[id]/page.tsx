import type { Metadata } from "next";
import { cache } from "react";
import Link from "next/link";
import clsx from "clsx";
import { PersonIdentityList } from "@/components/cases/person-identity";
import { PhaseBadge } from "@/components/cases/phase-badge";
import { DispatchStatusBadge } from "@/components/peers/status-badges";
import { Badge } from "@/components/ui/badge";
import { ButtonLink, focusRing } from "@/components/ui/button";
import { AuditLogTable } from "@/components/ui/audit-log";
import { DescriptionList } from "@/components/ui/description-list";
import { EmptyState } from "@/components/ui/empty-state";
import { FactStrip, type Fact } from "@/components/ui/fact-strip";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { getCaseForActor, listCaseAuditForActor, listCaseStaffForActor, type CaseDetail } from "@/lib/dal/cases";
import { listHospitalsForActor } from "@/lib/dal/hospitals";
import { listDispatchesOfCaseForActor } from "@/lib/dal/peer-dispatches";
import { orNotFound, requirePermission } from "@/lib/dal/session";
import {
  ACTIVITY_TYPE_LABELS,
  ADMISSION_TYPE_LABELS,
  CARE_PLAN_STATUS_LABELS,
  CARE_PLAN_TYPE_LABELS,
  CONSENT_SCOPE_LABELS,
  DATE_PRECISION_LABELS,
  DIAGNOSIS_GROUP_LABELS,
  DISCHARGE_DESTINATION_LABELS,
  END_REASON_LABELS,
  FOLLOW_UP_STATUS_LABELS,
  LIVING_ARRANGEMENT_LABELS,
  REFERRAL_SOURCE_LABELS,
  SUPPORT_CATEGORY_LABELS,
  TECHO_GRADE_LABELS,
  TRIAL_OUTCOME_LABELS,
  TRIAL_PLACE_LABELS,
  TRIAL_STAY_KIND_LABELS,
  WARD_TYPE_LABELS,
} from "@/lib/domain/case-codes";
import { codeLabel, type Label, type Locale } from "@/lib/domain/codes";
import { PEER_PURPOSE_LABELS } from "@/lib/domain/peer-codes";
import { todayIso } from "@/lib/domain/fiscal-year";
import { formatDate } from "@/lib/domain/format";
import { getLocale, getT } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n/translate";
import { ActivityEditDialog } from "./_components/activity-edit-dialog";
import { ActivityQuickAdd } from "./_components/activity-quick-add";
import { CarePlanDialog } from "./_components/care-plan-dialog";
import { CarePlanStatusForm } from "./_components/care-plan-status-form";
import { auditSummary, monthsBetween, stayText } from "./_components/case-display";
import { FollowUpDialog } from "./_components/follow-up-dialog";
import { PhaseChangeForm } from "./_components/phase-change-form";
import { ReadmissionDialog } from "./_components/readmission-dialog";
import { ReassignForm } from "./_components/reassign-form";
import { SectionCard } from "@/components/ui/section-card";
import { TableRegion, tdClass, thClass } from "@/components/ui/table-region";
import { TrialStayDialog } from "./_components/trial-stay-dialog";

type Params = { params: Promise<{ id: string }> };

/** How many activities show before the rest fold into a disclosure. */
const RECENT_ACTIVITIES = 20;

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

/** The label of an optional code, or "未記録". */
function codeText<K extends string>(labels: Readonly<Record<K, Label>>, code: string | null, locale: Locale, t: Translate): string {
  return code && code in labels ? labels[code as K][locale] : t("caseDetail.notRecorded");
}

export default async function CasePage({ params }: Params) {
  const { id } = await params;
  const { actor, detail } = await loadCase(id);
  const t = await getT();
  const locale = await getLocale();
  const today = todayIso();
  const canWrite = can(actor.role, "write:case:reach");
  const canReassign = can(actor.role, "reassign:case:reach");
  const canAudit = can(actor.role, "read:audit:reach");
  const f = detail.fields;
  const date = (iso: string | null) => (iso ? formatDate(iso, locale) : t("caseDetail.notRecorded"));
  const noConsent = !f.consentDate && detail.phase !== "closed";

  const stayUntil = f.dischargeDate ?? today;
  const stay = stayText(t, detail.lengthOfStay.days, monthsBetween(f.indexAdmissionDate, stayUntil), detail.lengthOfStay.approximate);

  const facts: Fact[] = [
    { term: t("caseDetail.header.caseNo"), description: <span className="font-mono">{detail.caseNo}</span> },
    { term: t("caseDetail.header.phase"), description: <PhaseBadge phase={detail.phase} locale={locale} /> },
    { term: t("caseDetail.header.office"), description: detail.office.name },
    { term: t("caseDetail.header.coordinator"), description: detail.coordinator.name },
    {
      term: t("caseDetail.header.lengthOfStay"),
      description: (
        <>
          <span className="tabular-nums">{stay}</span>
          <span className="block text-xs text-slate-600">
            {t(f.dischargeDate ? "caseDetail.header.lengthOfStayUntilDischarge" : "caseDetail.header.lengthOfStayUntilToday")}
            {detail.lengthOfStay.approximate && <span className="block">{t("caseDetail.stay.approxNote")}</span>}
          </span>
        </>
      ),
    },
    { term: t("caseDetail.header.lastActivity"), description: detail.lastActivityDate ? formatDate(detail.lastActivityDate, locale) : t("caseDetail.header.noActivity") },
  ];

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
          canWrite && (
            <ButtonLink href={`/cases/${detail.id}/edit`} variant="secondary">
              {t("caseDetail.edit")}
            </ButtonLink>
          )
        }
      />

      <FactStrip label={t("caseDetail.header.facts")} facts={facts} wide>
        {noConsent && (
          <p className="mt-3 flex flex-wrap items-center gap-2 text-sm text-amber-900">
            <Badge tone="warning">{t("caseDetail.noConsent")}</Badge>
            {t("caseDetail.summary.consentMissing")}
          </p>
        )}
      </FactStrip>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="min-w-0 space-y-6">
          <PhaseSection detail={detail} canWrite={canWrite} today={today} t={t} locale={locale} />
          <ActivitySection detail={detail} canWrite={canWrite} today={today} t={t} locale={locale} />
          <TimelineSection detail={detail} t={t} locale={locale} />
        </div>

        <div className="min-w-0 space-y-6">
          <SectionCard id="identity" title={t("caseDetail.identity.title")}>
            <PersonIdentityList messages="caseDetail" t={t} locale={locale} identity={detail.identity} person={detail.person} />
          </SectionCard>

          <SectionCard id="summary" title={t("caseDetail.summary.title")}>
            <DescriptionList
              items={[
                { term: t("caseDetail.summary.referralDate"), description: date(f.referralDate) },
                { term: t("caseDetail.summary.referralSource"), description: codeText(REFERRAL_SOURCE_LABELS, f.referralSource, locale, t) },
                { term: t("caseDetail.summary.hospital"), description: detail.hospital.name },
                { term: t("caseDetail.summary.wardType"), description: codeText(WARD_TYPE_LABELS, f.wardType, locale, t) },
                {
                  term: t("caseDetail.summary.admissionDate"),
                  description: (
                    <>
                      {date(f.indexAdmissionDate)}
                      <span className="ml-2 text-xs text-slate-600">
                        {t("caseDetail.summary.precisionValue", { precision: codeText(DATE_PRECISION_LABELS, f.admissionDatePrecision, locale, t) })}
                      </span>
                    </>
                  ),
                },
                { term: t("caseDetail.summary.admissionType"), description: codeText(ADMISSION_TYPE_LABELS, f.admissionType, locale, t) },
                { term: t("caseDetail.summary.diagnosisGroup"), description: codeText(DIAGNOSIS_GROUP_LABELS, f.diagnosisGroup, locale, t) },
                { term: t("caseDetail.summary.techoGrade"), description: codeText(TECHO_GRADE_LABELS, f.techoGrade, locale, t) },
                { term: t("caseDetail.summary.supportCategory"), description: codeText(SUPPORT_CATEGORY_LABELS, f.supportCategory, locale, t) },
                {
                  term: t("caseDetail.summary.consent"),
                  description: f.consentDate ? (
                    <>
                      {formatDate(f.consentDate, locale)}
                      {f.consentScope && <span className="block text-slate-700">{codeText(CONSENT_SCOPE_LABELS, f.consentScope, locale, t)}</span>}
                    </>
                  ) : (
                    <Badge tone="warning">{t("caseDetail.noConsent")}</Badge>
                  ),
                },
                { term: t("caseDetail.summary.supportStartDate"), description: date(f.supportStartDate) },
                { term: t("caseDetail.summary.plannedDischargeDate"), description: date(f.plannedDischargeDate) },
                { term: t("caseDetail.summary.dischargeDate"), description: date(f.dischargeDate) },
                ...(f.dischargeDate
                  ? [
                      { term: t("caseDetail.summary.dischargeDestination"), description: codeText(DISCHARGE_DESTINATION_LABELS, f.dischargeDestination, locale, t) },
                      { term: t("caseDetail.summary.livingArrangementAfter"), description: codeText(LIVING_ARRANGEMENT_LABELS, f.livingArrangementAfter, locale, t) },
                    ]
                  : []),
                ...(f.endDate
                  ? [
                      { term: t("caseDetail.summary.endDate"), description: date(f.endDate) },
                      { term: t("caseDetail.summary.endReason"), description: codeText(END_REASON_LABELS, f.endReason, locale, t) },
                    ]
                  : []),
              ]}
            />
          </SectionCard>

          <FollowUpSection detail={detail} canWrite={canWrite} today={today} t={t} locale={locale} />
          <CarePlanSection detail={detail} canWrite={canWrite} today={today} t={t} locale={locale} />
          <TrialStaySection detail={detail} canWrite={canWrite} t={t} locale={locale} />
          <PeerDispatchSection caseId={detail.id} officeId={detail.office.id} dispatches={listDispatchesOfCaseForActor(actor, detail.id)} canWrite={canWrite} t={t} locale={locale} />
          <HospitalizationSection
            detail={detail}
            canWrite={canWrite}
            hospitals={canWrite && f.dischargeDate ? listHospitalsForActor(actor) : []}
            t={t}
            locale={locale}
          />
        </div>
      </div>

      {(canReassign || canAudit) && (
        <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
          {canReassign && (
            <SectionCard id="reassign" title={t("caseDetail.reassign.title")} description={t("caseDetail.reassign.description")}>
              <p className="mb-3 text-sm text-slate-800">{t("caseDetail.reassign.current", { name: detail.coordinator.name })}</p>
              <ReassignForm
                caseId={detail.id}
                version={detail.version}
                currentId={detail.coordinator.id}
                staff={listCaseStaffForActor(actor, detail.office.id)}
              />
            </SectionCard>
          )}
          {canAudit && <AuditSection rows={listCaseAuditForActor(actor, detail.id)} t={t} locale={locale} />}
        </div>
      )}
    </div>
  );
}

type SectionProps = { detail: CaseDetail; t: Translate; locale: Locale };

function PhaseSection({ detail, canWrite, today, t, locale }: SectionProps & { canWrite: boolean; today: string }) {
  return (
    <SectionCard id="phase" title={t("caseDetail.phase.title")}>
      <p className="mb-4 flex items-center gap-2 text-sm text-slate-800">
        {t("caseDetail.phase.current")}
        <PhaseBadge phase={detail.phase} locale={locale} />
      </p>
      {detail.phase === "closed" ? (
        <p className="text-sm text-slate-700">{t("caseDetail.phase.noTransitions")}</p>
      ) : (
        canWrite &&
        detail.transitions.length > 0 && (
          <PhaseChangeForm
            caseId={detail.id}
            version={detail.version}
            transitions={detail.transitions}
            today={today}
            dischargeDestination={detail.fields.dischargeDestination}
            livingArrangementAfter={detail.fields.livingArrangementAfter}
          />
        )
      )}
    </SectionCard>
  );
}

function ActivitySection({ detail, canWrite, today, t, locale }: SectionProps & { canWrite: boolean; today: string }) {
  const recent = detail.activities.slice(0, RECENT_ACTIVITIES);
  const earlier = detail.activities.slice(RECENT_ACTIVITIES);
  return (
    <SectionCard
      id="activities"
      title={t("caseDetail.activity.title")}
      actions={detail.activities.length > 0 && <span className="text-sm text-slate-700">{t("caseDetail.activity.total", { n: detail.activities.length })}</span>}
    >
      {canWrite && (
        <div className="mb-5 rounded-md border border-brand-200 bg-brand-50/40 p-4">
          <h3 className="mb-2 text-sm font-semibold text-slate-900">{t("caseDetail.activity.quickAdd")}</h3>
          <ActivityQuickAdd caseId={detail.id} today={today} />
        </div>
      )}
      {detail.activities.length === 0 ? (
        <EmptyState title={t("caseDetail.activity.empty")} description={canWrite ? t("caseDetail.activity.emptyBody") : undefined} />
      ) : (
        <>
          <ActivityTable rows={recent} caption={t("caseDetail.activity.caption")} editCaseId={canWrite ? detail.id : null} t={t} locale={locale} />
          {earlier.length > 0 && (
            <details className="mt-3">
              <summary className="cursor-pointer rounded-sm text-sm font-medium text-brand-800 underline underline-offset-2">
                {t("caseDetail.activity.more", { n: earlier.length })}
              </summary>
              <div className="mt-3">
                <ActivityTable rows={earlier} caption={t("caseDetail.activity.more", { n: earlier.length })} editCaseId={canWrite ? detail.id : null} t={t} locale={locale} />
              </div>
            </details>
          )}
        </>
      )}
    </SectionCard>
  );
}

/** The activities; with `editCaseId` (the viewer may write) each row can be corrected or deleted. */
function ActivityTable({ rows, caption, editCaseId, t, locale }: { rows: CaseDetail["activities"]; caption: string; editCaseId: string | null; t: Translate; locale: Locale }) {
  return (
    <TableRegion caption={caption} className="overflow-x-auto rounded-md border border-slate-300">
      <thead className="bg-slate-100">
        <tr>
          <th scope="col" className={thClass}>{t("caseDetail.activity.date")}</th>
          <th scope="col" className={thClass}>{t("caseDetail.activity.type")}</th>
          <th scope="col" className={`${thClass} text-right`}>{t("caseDetail.activity.minutesShort")}</th>
          <th scope="col" className={thClass}>{t("caseDetail.activity.staff")}</th>
          <th scope="col" className={thClass}>{t("caseDetail.activity.summary")}</th>
          {editCaseId && (
            <th scope="col" className={thClass}>
              <span className="sr-only">{t("caseDetail.activity.actions")}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => (
          <tr key={a.id} className="border-t border-slate-200 even:bg-slate-50">
            <td className={`${tdClass} whitespace-nowrap tabular-nums`}>{formatDate(a.date, locale)}</td>
            <td className={`${tdClass} min-w-[8.5rem]`}>
              {codeText(ACTIVITY_TYPE_LABELS, a.activityType, locale, t)}
              {/* Peer support is a reported indicator, so it is marked on the row itself. */}
              {a.withPeer && (
                <span className="mt-1 block">
                  <Badge tone="info">{t("caseDetail.activity.peerYes")}</Badge>
                </span>
              )}
            </td>
            <td className={`${tdClass} text-right whitespace-nowrap tabular-nums`}>{a.minutes === null ? "—" : t("caseDetail.activity.minutesValue", { n: a.minutes })}</td>
            <td className={`${tdClass} whitespace-nowrap`}>{a.staffName ?? "—"}</td>
            <td className={`${tdClass} min-w-40 break-words whitespace-pre-line`}>{a.summary ?? ""}</td>
            {editCaseId && (
              <td className={`${tdClass} text-right`}>
                <ActivityEditDialog caseId={editCaseId} activity={a} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </TableRegion>
  );
}

function TimelineSection({ detail, t, locale }: SectionProps) {
  return (
    <SectionCard id="timeline" title={t("caseDetail.timeline.title")} description={t("caseDetail.timeline.description")}>
      {detail.timeline.length === 0 ? (
        <p className="text-sm text-slate-700">{t("caseDetail.timeline.empty")}</p>
      ) : (
        <ol className="relative ml-2 border-l-2 border-slate-300">
          {detail.timeline.map((event, index) => {
            const last = index === detail.timeline.length - 1;
            return (
              <li key={event.id} className="relative pb-5 pl-6 last:pb-0">
                <span
                  aria-hidden="true"
                  className={`absolute top-1 -left-[9px] size-4 rounded-full border-2 border-white ${last ? "bg-brand-700" : "bg-slate-400"}`}
                />
                <p className="text-sm font-semibold text-slate-900 tabular-nums">
                  <time dateTime={event.date}>{formatDate(event.date, locale)}</time>
                </p>
                <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-800">
                  {event.fromPhase ? (
                    <>
                      <PhaseBadge phase={event.fromPhase} locale={locale} />
                      <span aria-hidden="true">→</span>
                      <span className="sr-only">{t("caseDetail.timeline.to")}</span>
                    </>
                  ) : (
                    <span className="font-medium">{t("caseDetail.timeline.opened")}</span>
                  )}
                  <PhaseBadge phase={event.phase} locale={locale} />
                </p>
                {event.note && <p className="mt-1 text-sm break-words whitespace-pre-line text-slate-800">{event.note}</p>}
                <p className="mt-1 text-xs text-slate-600">{t("caseDetail.timeline.by", { name: event.by })}</p>
              </li>
            );
          })}
        </ol>
      )}
    </SectionCard>
  );
}

function FollowUpSection({ detail, canWrite, today, t, locale }: SectionProps & { canWrite: boolean; today: string }) {
  return (
    <SectionCard id="follow-ups" title={t("caseDetail.followUp.title")} description={t("caseDetail.followUp.description")}>
      {detail.followUps.length === 0 ? (
        <p className="text-sm text-slate-700">{t("caseDetail.followUp.empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 border-y border-slate-200">
          {detail.followUps.map((check) => (
            <li key={check.id} className="space-y-1.5 py-3">
              <div className="flex flex-wrap items-center gap-2">
                <h3 className="text-sm font-semibold text-slate-900">{t("caseDetail.followUp.offset", { n: check.offsetMonths })}</h3>
                {check.checkedDate ? (
                  <Badge tone="success">{t("caseDetail.followUp.done")}</Badge>
                ) : check.overdue ? (
                  <Badge tone="danger">{t("caseDetail.followUp.overdue")}</Badge>
                ) : (
                  <Badge>{t("caseDetail.followUp.open")}</Badge>
                )}
              </div>
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
                <dt className="text-slate-600">{t("caseDetail.followUp.dueDate")}</dt>
                <dd className="text-slate-900 tabular-nums">{formatDate(check.dueDate, locale)}</dd>
                {check.checkedDate && (
                  <>
                    <dt className="text-slate-600">{t("caseDetail.followUp.checkedDate")}</dt>
                    <dd className="text-slate-900 tabular-nums">{formatDate(check.checkedDate, locale)}</dd>
                    <dt className="text-slate-600">{t("caseDetail.followUp.status")}</dt>
                    <dd className="text-slate-900">{codeText(FOLLOW_UP_STATUS_LABELS, check.status, locale, t)}</dd>
                  </>
                )}
                {check.note && (
                  <>
                    <dt className="text-slate-600">{t("caseDetail.followUp.note")}</dt>
                    <dd className="break-words whitespace-pre-line text-slate-900">{check.note}</dd>
                  </>
                )}
              </dl>
              {canWrite && <FollowUpDialog caseId={detail.id} check={check} today={today} />}
            </li>
          ))}
        </ul>
      )}
    </SectionCard>
  );
}

function CarePlanSection({ detail, canWrite, today, t, locale }: SectionProps & { canWrite: boolean; today: string }) {
  return (
    <SectionCard id="care-plans" title={t("caseDetail.carePlan.title")} actions={canWrite && <CarePlanDialog caseId={detail.id} today={today} />}>
      {detail.carePlans.length === 0 ? (
        <p className="text-sm text-slate-700">{t("caseDetail.carePlan.empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 border-y border-slate-200">
          {detail.carePlans.map((plan) => {
            const planName = codeText(CARE_PLAN_TYPE_LABELS, plan.planType, locale, t);
            return (
              <li key={plan.id} className="space-y-2 py-3">
                <div className="flex flex-wrap items-center gap-2">
                  <h3 className="text-sm font-semibold text-slate-900">{planName}</h3>
                  <Badge tone={plan.status === "active" || plan.status === "extended" ? "info" : "neutral"}>
                    {codeText(CARE_PLAN_STATUS_LABELS, plan.status, locale, t)}
                  </Badge>
                  {plan.reviewOverdue && <Badge tone="danger">{t("caseDetail.carePlan.reviewOverdue")}</Badge>}
                </div>
                <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
                  <dt className="text-slate-600">{t("caseDetail.carePlan.createdDate")}</dt>
                  <dd className="tabular-nums">{formatDate(plan.createdDate, locale)}</dd>
                  <dt className="text-slate-600">{t("caseDetail.carePlan.reviewDueDate")}</dt>
                  <dd className="tabular-nums">{formatDate(plan.reviewDueDate, locale)}</dd>
                  <dt className="text-slate-600">{t("caseDetail.carePlan.periodEndDate")}</dt>
                  <dd className="tabular-nums">{formatDate(plan.periodEndDate, locale)}</dd>
                  {plan.consentDate && (
                    <>
                      <dt className="text-slate-600">{t("caseDetail.carePlan.consentDate")}</dt>
                      <dd className="tabular-nums">{formatDate(plan.consentDate, locale)}</dd>
                    </>
                  )}
                </dl>
                {canWrite && (
                  <CarePlanStatusForm
                    caseId={detail.id}
                    planId={plan.id}
                    status={plan.status}
                    label={t("caseDetail.carePlan.statusOf", { plan: planName, date: formatDate(plan.createdDate, locale) })}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </SectionCard>
  );
}

/** ピアサポーター派遣 linked to this case (ピア関与), with a way to record one for it. */
function PeerDispatchSection({
  caseId,
  officeId,
  dispatches,
  canWrite,
  t,
  locale,
}: {
  caseId: string;
  officeId: string;
  dispatches: ReturnType<typeof listDispatchesOfCaseForActor>;
  canWrite: boolean;
  t: Translate;
  locale: Locale;
}) {
  return (
    <SectionCard
      id="peer-dispatches"
      title={t("caseDetail.peers.title")}
      actions={
        canWrite && (
          <ButtonLink href={`/peers/dispatches/new?officeId=${officeId}&caseId=${caseId}`} variant="secondary" size="sm">
            {t("caseDetail.peers.record")}
          </ButtonLink>
        )
      }
    >
      {dispatches.length === 0 ? (
        <p className="text-sm text-slate-700">{t("caseDetail.peers.empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 text-sm">
          {dispatches.map((d) => (
            <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <Link href={`/peers/dispatches/${d.id}`} className={clsx("rounded-sm text-brand-800 underline underline-offset-2 hover:text-brand-900", focusRing)}>
                {formatDate(d.date, locale)} {codeLabel(PEER_PURPOSE_LABELS, d.purpose, locale)}
              </Link>
              <span className="flex items-center gap-2">
                <span className="font-mono text-xs text-slate-700">{d.members.join(" ")}</span>
                <DispatchStatusBadge status={d.status} locale={locale} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </SectionCard>
  );
}

function TrialStaySection({ detail, canWrite, t, locale }: SectionProps & { canWrite: boolean }) {
  const totalNights = detail.trialStays.reduce((sum, s) => sum + s.nights, 0);
  return (
    <SectionCard
      id="trial-stays"
      title={t("caseDetail.trialStay.title")}
      description={detail.trialStays.length > 0 ? t("caseDetail.trialStay.totalNights", { n: totalNights }) : undefined}
      actions={canWrite && <TrialStayDialog caseId={detail.id} />}
    >
      {detail.trialStays.length === 0 ? (
        <p className="text-sm text-slate-700">{t("caseDetail.trialStay.empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 border-y border-slate-200">
          {detail.trialStays.map((s) => (
            <li key={s.id} className="space-y-1 py-3 text-sm">
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-semibold text-slate-900">{codeText(TRIAL_STAY_KIND_LABELS, s.kind, locale, t)}</span>
                <span className="text-slate-700">{codeText(TRIAL_PLACE_LABELS, s.placeType, locale, t)}</span>
                {s.outcome && <Badge tone={s.outcome === "as_planned" ? "success" : "warning"}>{codeText(TRIAL_OUTCOME_LABELS, s.outcome, locale, t)}</Badge>}
              </p>
              <p className="text-slate-800 tabular-nums">
                {t("caseDetail.hospitalization.period", { from: formatDate(s.startDate, locale), to: formatDate(s.endDate, locale) })}
                <span className="ml-2 font-medium">{s.nights > 0 ? t("caseDetail.trialStay.nightsValue", { n: s.nights }) : t("caseDetail.trialStay.dayUse")}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </SectionCard>
  );
}

function HospitalizationSection({
  detail,
  canWrite,
  hospitals,
  t,
  locale,
}: SectionProps & { canWrite: boolean; hospitals: { id: string; name: string }[] }) {
  const canAdd = canWrite && !!detail.fields.dischargeDate;
  return (
    <SectionCard
      id="hospitalizations"
      title={t("caseDetail.hospitalization.title")}
      actions={
        canAdd && (
          <ReadmissionDialog
            caseId={detail.id}
            hospitals={hospitals}
            defaultHospitalId={hospitals.some((h) => h.id === detail.hospital.id) ? detail.hospital.id : ""}
          />
        )
      }
    >
      <ul className="divide-y divide-slate-200 border-y border-slate-200">
        {detail.hospitalizations.map((h) => (
          <li key={h.id} className="space-y-1 py-3 text-sm">
            <p className="flex flex-wrap items-center gap-2">
              <Badge tone={h.isIndex ? "neutral" : "warning"}>{t(h.isIndex ? "caseDetail.hospitalization.index" : "caseDetail.hospitalization.readmission")}</Badge>
              <span className="font-semibold text-slate-900">{h.hospitalName}</span>
            </p>
            <p className="text-slate-800 tabular-nums">
              {t("caseDetail.hospitalization.period", {
                from: formatDate(h.admissionDate, locale),
                to: h.dischargeDate ? formatDate(h.dischargeDate, locale) : t("caseDetail.hospitalization.stillIn"),
              })}
              {h.admissionType && <span className="ml-2 text-slate-700">{codeText(ADMISSION_TYPE_LABELS, h.admissionType, locale, t)}</span>}
            </p>
          </li>
        ))}
      </ul>
    </SectionCard>
  );
}

function AuditSection({ rows, t, locale }: { rows: ReturnType<typeof listCaseAuditForActor>; t: Translate; locale: Locale }) {
  return (
    <SectionCard id="audit" title={t("caseDetail.audit.title")} description={t("caseDetail.audit.description")}>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-700">{t("caseDetail.audit.empty")}</p>
      ) : (
        <AuditLogTable
          rows={rows}
          caption={t("caseDetail.audit.caption")}
          headers={{ at: t("caseDetail.audit.at"), who: t("caseDetail.audit.who"), action: t("caseDetail.audit.action"), what: t("caseDetail.audit.what") }}
          summary={(row) => auditSummary(row.action, row.detail, t, locale)}
          locale={locale}
        />
      )}
    </SectionCard>
  );
}
