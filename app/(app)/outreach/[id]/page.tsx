import type { Metadata } from "next";
import Link from "next/link";
import clsx from "clsx";
import { cache, type ComponentProps } from "react";
import { PersonIdentityList } from "@/components/cases/person-identity";
import { OutreachStatusBadge } from "@/components/outreach/status-badge";
import { Badge } from "@/components/ui/badge";
import { ButtonLink, focusRing } from "@/components/ui/button";
import { AuditSection, parseAuditQuery } from "@/components/ui/audit-log";
import { DescriptionList } from "@/components/ui/description-list";
import { EmptyState } from "@/components/ui/empty-state";
import { FactStrip, type Fact } from "@/components/ui/fact-strip";
import { PageHeader } from "@/components/ui/page-header";
import { SectionCard } from "@/components/ui/section-card";
import { TableRegion, tdClass, thClass } from "@/components/ui/table-region";
import { can } from "@/lib/auth/permissions";
import { getOutreachCaseForActor, listOutreachAuditForActor, type OutreachContactRow, type OutreachDetail } from "@/lib/dal/outreach";
import { orNotFound, requirePermission } from "@/lib/dal/session";
import { DIAGNOSIS_GROUP_LABELS, PHASE_LABELS, REFERRAL_SOURCE_LABELS } from "@/lib/domain/case-codes";
import type { Label, Locale } from "@/lib/domain/codes";
import { todayIso } from "@/lib/domain/fiscal-year";
import { formatDate } from "@/lib/domain/format";
import {
  OUTREACH_CONTACT_TYPE_LABELS,
  OUTREACH_END_REASON_LABELS,
  OUTREACH_OUTCOME_LABELS,
  OUTREACH_PROFESSION_LABELS,
  OUTREACH_STATUS_LABELS,
  OUTREACH_TARGET_LABELS,
  OUTREACH_TEAM_KIND_LABELS,
} from "@/lib/domain/outreach-codes";
import { isVisit } from "@/lib/domain/outreach-rules";
import { getLocale, getT } from "@/lib/i18n/server";
import { firstValues, type RawSearchParams } from "@/lib/list-url";
import type { Translate } from "@/lib/i18n/translate";
import { LOG_CONTACT_ANCHOR } from "./_components/anchors";
import { ContactEditDialog } from "./_components/contact-edit-dialog";
import { ContactQuickAdd } from "./_components/contact-quick-add";
import { OutcomeDeleteDialog } from "./_components/outcome-delete-dialog";
import { OutcomeDialog } from "./_components/outcome-dialog";
import { outreachAuditSummary, outreachAuditVocabulary } from "./_components/outreach-display";
import { StatusChangeForm } from "./_components/status-change-form";

type Params = { params: Promise<{ id: string }>; searchParams: Promise<RawSearchParams> };

/** How many contacts show before the rest fold into a disclosure. */
const RECENT_CONTACTS = 10;

/**
 * One load per request, shared by the metadata and the page, so a visit is audited once. Out of
 * reach, missing, and the prefecture and admin roles all get the same 404.
 */
const loadCase = cache(async (id: string) => {
  const actor = await requirePermission("read:outreach:reach");
  return { actor, detail: orNotFound(() => getOutreachCaseForActor(actor, id)) };
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { detail } = await loadCase((await params).id);
  // The case number only: a person's name never goes into a <title> (history, tabs, logs).
  return { title: (await getT())("outreach.detail.metaTitle", { caseNo: detail.caseNo }) };
}

function codeText<K extends string>(labels: Readonly<Record<K, Label>>, code: string | null, locale: Locale, t: Translate): string {
  return code && code in labels ? labels[code as K][locale] : t("outreach.detail.notRecorded");
}

export default async function OutreachCasePage({ params, searchParams }: Params) {
  const { id } = await params;
  const query = await searchParams;
  const { actor, detail } = await loadCase(id);
  const t = await getT();
  const locale = await getLocale();
  const today = todayIso();
  const canWrite = can(actor.role, "write:outreach:reach");
  const canAudit = can(actor.role, "read:audit:reach");
  const f = detail.fields;
  const date = (iso: string | null) => (iso ? formatDate(iso, locale) : t("outreach.detail.notRecorded"));
  const latest = detail.contacts[0] ?? null;

  const facts: Fact[] = [
    { term: t("outreach.detail.facts.caseNo"), description: <span className="font-mono">{detail.caseNo}</span> },
    { term: t("outreach.detail.facts.status"), description: <OutreachStatusBadge status={detail.status} locale={locale} /> },
    { term: t("outreach.detail.facts.office"), description: detail.office.name },
    { term: t("outreach.detail.facts.coordinator"), description: detail.coordinator.name },
    {
      term: t("outreach.detail.facts.supportDays"),
      description: detail.supportDays === null ? t("outreach.detail.facts.notStarted") : <span className="tabular-nums">{t("outreach.detail.facts.supportDaysValue", { n: detail.supportDays.toLocaleString("ja-JP") })}</span>,
    },
    { term: t("outreach.detail.facts.lastContact"), description: detail.lastContactDate ? formatDate(detail.lastContactDate, locale) : t("outreach.detail.facts.noContact") },
  ];

  return (
    <div className="space-y-6">
      <PageHeader
        title={`${detail.identity.familyName} ${detail.identity.givenName}`}
        description={`${detail.identity.familyNameKana} ${detail.identity.givenNameKana}`}
        breadcrumbs={[
          { href: "/", label: t("nav.home") },
          { href: "/outreach", label: t("nav.outreach") },
        ]}
        actions={
          canWrite && (
            <ButtonLink href={`/outreach/${detail.id}/edit`} variant="secondary">
              {t("outreach.detail.edit")}
            </ButtonLink>
          )
        }
      />

      <FactStrip label={t("outreach.detail.facts.label")} facts={facts} wide />

      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="min-w-0 space-y-6">
          <Section
            id={LOG_CONTACT_ANCHOR}
            title={t("outreach.detail.contact.title")}
            actions={detail.contacts.length > 0 && <span className="text-sm text-slate-700">{t("outreach.detail.contact.total", { n: detail.contacts.length })}</span>}
          >
            {canWrite && (
              <div className="mb-5 rounded-md border border-brand-200 bg-brand-50/40 p-4">
                <h3 className="mb-2 text-sm font-semibold text-slate-900">{t("outreach.detail.contact.quickAdd")}</h3>
                <ContactQuickAdd
                  caseId={detail.id}
                  today={today}
                  previous={
                    latest && { id: latest.id, date: latest.date, contactType: latest.contactType, place: latest.place, minutes: latest.minutes, professions: latest.professions, metPerson: latest.metPerson }
                  }
                />
              </div>
            )}
            {detail.contacts.length === 0 ? (
              <EmptyState title={t("outreach.detail.contact.empty")} description={canWrite ? t("outreach.detail.contact.emptyBody") : undefined} />
            ) : (
              <>
                <ContactTable rows={detail.contacts.slice(0, RECENT_CONTACTS)} caption={t("outreach.detail.contact.caption")} editCaseId={canWrite ? detail.id : null} t={t} locale={locale} />
                {detail.contacts.length > RECENT_CONTACTS && (
                  <details className="mt-3">
                    <summary className={clsx("cursor-pointer rounded-sm text-sm font-medium text-brand-800 underline underline-offset-2", focusRing)}>
                      {t("outreach.detail.contact.more", { n: detail.contacts.length - RECENT_CONTACTS })}
                    </summary>
                    <div className="mt-3">
                      <ContactTable
                        rows={detail.contacts.slice(RECENT_CONTACTS)}
                        caption={t("outreach.detail.contact.more", { n: detail.contacts.length - RECENT_CONTACTS })}
                        editCaseId={canWrite ? detail.id : null}
                        t={t}
                        locale={locale}
                      />
                    </div>
                  </details>
                )}
              </>
            )}
          </Section>

          <Section id="outcomes" title={t("outreach.detail.outcome.title")} actions={canWrite && <OutcomeDialog caseId={detail.id} today={today} />}>
            {detail.outcomes.length === 0 ? (
              <p className="text-sm text-slate-700">{t("outreach.detail.outcome.empty")}</p>
            ) : (
              <ul className="divide-y divide-slate-200 border-y border-slate-200">
                {detail.outcomes.map((o) => (
                  <li key={o.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-2.5 text-sm">
                    <time dateTime={o.date} className="font-semibold whitespace-nowrap text-slate-900 tabular-nums">
                      {formatDate(o.date, locale)}
                    </time>
                    <Badge tone={o.outcome === "no_change" ? "neutral" : o.outcome.startsWith("admitted") ? "warning" : "success"}>{OUTREACH_OUTCOME_LABELS[o.outcome][locale]}</Badge>
                    {o.note && <span className="min-w-0 break-words text-slate-800">{o.note}</span>}
                    {o.recordedBy && <span className="text-xs text-slate-600">{t("outreach.detail.outcome.by", { name: o.recordedBy })}</span>}
                    {canWrite && (
                      <span className="ml-auto">
                        <OutcomeDeleteDialog caseId={detail.id} outcome={o} />
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </div>

        <div className="min-w-0 space-y-6">
          <StatusSection detail={detail} canWrite={canWrite} today={today} t={t} locale={locale} />
          <Section
            id="identity"
            title={t("outreach.detail.identity.title")}
            actions={
              canWrite && (
                <ButtonLink href={`/outreach/${detail.id}/person`} variant="secondary">
                  {t("personCorrection.open")}
                </ButtonLink>
              )
            }
          >
            <PersonIdentityList
              messages="outreach.detail"
              t={t}
              locale={locale}
              identity={detail.identity}
              person={detail.person}
              extra={detail.person.registeredByOfficeName !== detail.office.name ? [{ term: t("outreach.detail.identity.owner"), description: detail.person.registeredByOfficeName }] : []}
            />
          </Section>

          <Section id="record" title={t("outreach.detail.record.title")}>
            <DescriptionList
              items={[
                {
                  term: t("outreach.detail.record.targets"),
                  description: (
                    <ul className="flex flex-wrap gap-1.5">
                      {f.targets.map((target) => (
                        <li key={target}>
                          <Badge tone={target === f.primaryTarget ? "info" : "neutral"}>
                            {OUTREACH_TARGET_LABELS[target][locale]}
                            {target === f.primaryTarget && `（${t("outreach.detail.record.primary")}）`}
                          </Badge>
                        </li>
                      ))}
                    </ul>
                  ),
                },
                { term: t("outreach.detail.record.teamName"), description: f.teamName },
                { term: t("outreach.detail.record.teamKind"), description: OUTREACH_TEAM_KIND_LABELS[f.teamKind][locale] },
                { term: t("outreach.detail.record.referralDate"), description: date(f.referralDate) },
                { term: t("outreach.detail.record.referralSource"), description: codeText(REFERRAL_SOURCE_LABELS, f.referralSource, locale, t) },
                {
                  term: t("outreach.detail.record.diagnosis"),
                  description: (
                    <>
                      {codeText(DIAGNOSIS_GROUP_LABELS, f.diagnosisGroup, locale, t)}
                      {f.diagnosisSuspected && (
                        <span className="ml-2">
                          <Badge tone="warning">{t("outreach.detail.record.suspected")}</Badge>
                        </span>
                      )}
                    </>
                  ),
                },
                { term: t("outreach.detail.record.selectionConferenceDate"), description: date(f.selectionConferenceDate) },
                { term: t("outreach.detail.record.startDate"), description: date(f.startDate) },
                ...(f.endDate
                  ? [
                      { term: t("outreach.detail.record.endDate"), description: date(f.endDate) },
                      { term: t("outreach.detail.record.endReason"), description: codeText(OUTREACH_END_REASON_LABELS, f.endReason, locale, t) },
                    ]
                  : []),
                {
                  term: t("outreach.detail.record.gaf"),
                  description: t("outreach.detail.record.gafValue", { start: f.gafStart ?? "—", end: f.gafEnd ?? "—" }),
                },
              ]}
            />
          </Section>

          {detail.otherRecords.length > 0 && (
            <Section id="other-records" title={t("outreach.detail.others.title")}>
              <ul className="space-y-1.5 text-sm">
                {detail.otherRecords.map((r) => (
                  <li key={`${r.kind}-${r.caseNo}`} className="flex flex-wrap items-center gap-2">
                    <span className="text-slate-700">{t(r.kind === "case" ? "outreach.detail.others.case" : "outreach.detail.others.outreach")}</span>
                    {r.id ? (
                      <Link
                        href={r.kind === "case" ? `/cases/${r.id}` : `/outreach/${r.id}`}
                        className={clsx("font-medium text-brand-800 underline underline-offset-2 hover:text-brand-900", focusRing)}
                      >
                        {r.caseNo}
                      </Link>
                    ) : (
                      <span className="font-medium">{r.caseNo}</span>
                    )}
                    <Badge>{r.kind === "case" ? PHASE_LABELS[r.phase][locale] : OUTREACH_STATUS_LABELS[r.status][locale]}</Badge>
                    {r.officeName !== detail.office.name && <span className="text-slate-600">{t("outreach.detail.others.otherOffice", { office: r.officeName })}</span>}
                  </li>
                ))}
              </ul>
            </Section>
          )}
        </div>
      </div>

      {canAudit && (
        <AuditSection
          trail={listOutreachAuditForActor(actor, detail.id, parseAuditQuery(firstValues(query)))}
          title={t("outreach.detail.audit.title")}
          description={t("outreach.detail.audit.description")}
          summary={(row) => outreachAuditSummary(row.action, row.detail, t, locale)}
          vocab={outreachAuditVocabulary(t)}
          basePath={`/outreach/${detail.id}`}
          searchParams={query}
          t={t}
          locale={locale}
          className="scroll-mt-4"
        />
      )}
    </div>
  );
}

/** The page's cards keep a little room above them when a link jumps to one (the list's 記録 link). */
function Section(props: Omit<ComponentProps<typeof SectionCard>, "className">) {
  return <SectionCard {...props} className="scroll-mt-4" />;
}

/** The contacts; with `editCaseId` (the viewer may write) each row can be corrected or deleted. */
function ContactTable({ rows, caption, editCaseId, t, locale }: { rows: OutreachContactRow[]; caption: string; editCaseId: string | null; t: Translate; locale: Locale }) {
  const c = (key: "date" | "type" | "professions" | "minutes" | "summary" | "actions") => t(`outreach.detail.contact.columns.${key}`);
  return (
    <TableRegion caption={caption} className="overflow-x-auto rounded-md border border-slate-300">
      <thead className="bg-slate-100">
        <tr>
          <th scope="col" className={thClass}>{c("date")}</th>
          <th scope="col" className={thClass}>{c("type")}</th>
          <th scope="col" className={thClass}>{c("professions")}</th>
          <th scope="col" className={`${thClass} text-right`}>{c("minutes")}</th>
          <th scope="col" className={thClass}>{c("summary")}</th>
          {editCaseId && (
            <th scope="col" className={thClass}>
              <span className="sr-only">{c("actions")}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="border-t border-slate-200 even:bg-slate-50">
            <td className={`${tdClass} whitespace-nowrap tabular-nums`}>{formatDate(r.date, locale)}</td>
            <td className={`${tdClass} min-w-[7.5rem]`}>
              <span className="block">{OUTREACH_CONTACT_TYPE_LABELS[r.contactType][locale]}</span>
              {/* "Not met" matters for visits; a conference or a call without the person is the norm. */}
              {(r.metPerson || isVisit(r.contactType)) && (
                <span className="mt-1 block">
                  <Badge tone={r.metPerson ? "success" : "neutral"}>{t(r.metPerson ? "outreach.detail.contact.met" : "outreach.detail.contact.notMet")}</Badge>
                </span>
              )}
            </td>
            <td className={`${tdClass} min-w-[7rem]`}>
              {r.professions.length ? r.professions.map((p) => OUTREACH_PROFESSION_LABELS[p][locale]).join(t("outreach.detail.audit.listSeparator")) : t("outreach.detail.contact.noProfession")}
            </td>
            <td className={`${tdClass} text-right whitespace-nowrap tabular-nums`}>{r.minutes === null ? "—" : t("outreach.detail.contact.minutesValue", { n: r.minutes })}</td>
            <td className={`${tdClass} min-w-48 break-words whitespace-pre-line`}>
              {r.summary ?? ""}
              {(r.place || r.recordedBy) && (
                <span className="mt-1 block text-xs text-slate-600">
                  {[r.place, r.recordedBy && t("outreach.detail.contact.by", { name: r.recordedBy })].filter(Boolean).join("・")}
                </span>
              )}
            </td>
            {editCaseId && (
              <td className={`${tdClass} text-right`}>
                <ContactEditDialog caseId={editCaseId} contact={r} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </TableRegion>
  );
}

function StatusSection({ detail, canWrite, today, t, locale }: { detail: OutreachDetail; canWrite: boolean; today: string; t: Translate; locale: Locale }) {
  return (
    <Section id="status" title={t("outreach.detail.status.title")}>
      <p className="mb-4 flex items-center gap-2 text-sm text-slate-800">
        {t("outreach.detail.status.current")}
        <OutreachStatusBadge status={detail.status} locale={locale} />
      </p>
      {detail.status === "closed" ? (
        <p className="mb-4 text-sm text-slate-700">{t("outreach.detail.status.closedNote")}</p>
      ) : (
        canWrite &&
        detail.transitions.length > 0 && (
          <div className="mb-5">
            <StatusChangeForm caseId={detail.id} version={detail.version} current={detail.status} transitions={detail.transitions} endReasons={detail.endReasons} today={today} />
          </div>
        )
      )}
      <h3 className="mb-1 text-sm font-semibold text-slate-900">{t("outreach.detail.history.title")}</h3>
      <p className="mb-3 text-sm text-slate-700">{t("outreach.detail.history.description")}</p>
      <ol className="relative ml-2 border-l-2 border-slate-300">
        {detail.history.map((step, index) => {
          const last = index === detail.history.length - 1;
          const label =
            step.kind === "closed" && step.endReason
              ? t("outreach.detail.history.closedReason", { reason: OUTREACH_END_REASON_LABELS[step.endReason][locale] })
              : t(`outreach.detail.history.${step.kind}`);
          return (
            <li key={step.kind} className="relative pb-4 pl-6 last:pb-0">
              <span aria-hidden="true" className={`absolute top-1 -left-[9px] size-4 rounded-full border-2 border-white ${last ? "bg-brand-700" : "bg-slate-400"}`} />
              <p className="text-sm font-semibold text-slate-900 tabular-nums">
                <time dateTime={step.date}>{formatDate(step.date, locale)}</time>
              </p>
              <p className="mt-0.5 text-sm text-slate-800">{label}</p>
            </li>
          );
        })}
      </ol>
    </Section>
  );
}
