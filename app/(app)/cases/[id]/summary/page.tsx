import type { Metadata } from "next";
import Link from "next/link";
import { cache, type ReactNode } from "react";
import { PhaseBadge } from "@/components/cases/phase-badge";
import { focusRing } from "@/components/ui/button";
import { PrintButton } from "@/components/ui/print-button";
import { getCaseForActor } from "@/lib/dal/cases";
import { orNotFound, requirePermission } from "@/lib/dal/session";
import { ageOn } from "@/lib/domain/age";
import {
  ACTIVITY_TYPE_LABELS,
  ADMISSION_TYPE_LABELS,
  CARE_PLAN_STATUS_LABELS,
  CARE_PLAN_TYPE_LABELS,
  DIAGNOSIS_GROUP_LABELS,
  PHASE_LABELS,
  SEX_LABELS,
} from "@/lib/domain/case-codes";
import { appNow } from "@/lib/domain/clock";
import { todayIso } from "@/lib/domain/fiscal-year";
import { formatDate, formatDateTime } from "@/lib/domain/format";
import { getLocale, getT } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n/translate";
import { monthsBetween, stayText } from "../_components/case-display";
import { codeText } from "../_sections/shared";

/*
 * The case on one A4 sheet for a case conference: who the person is, where the case stands, how it
 * got there, the latest support, the plans in force and the follow-ups still open, with when and by
 * whom it was printed. No menu, form or button reaches the paper. Every list is capped (the caps
 * below) and long texts are clamped, so the sheet cannot grow past one page however much the case
 * holds; the case page keeps everything. Phone and address stay off the paper on purpose: a copy
 * handed round a meeting needs to say who the person is, not where to find them.
 */

const PHASES_SHOWN = 8;
const ACTIVITIES_SHOWN = 5;
const PLANS_SHOWN = 3;
const FOLLOW_UPS_SHOWN = 4;
/** The plans a conference talks about: not yet ended, refused or withdrawn. */
const CURRENT_PLAN_STATUSES = ["proposed", "drafting", "active", "extended"];

type Params = { params: Promise<{ id: string }> };

/** One load per request, shared by the metadata and the page, so opening the summary is audited once. */
const loadCase = cache(async (id: string) => {
  const actor = await requirePermission("read:identity:reach");
  return { actor, detail: orNotFound(() => getCaseForActor(actor, id, "printSummary")) };
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { detail } = await loadCase((await params).id);
  // The case number only: a person's name never goes into a <title> (history, tabs, the PDF's title).
  return { title: (await getT())("print.caseSummary.metaTitle", { caseNo: detail.caseNo }) };
}

export default async function CaseSummaryPage({ params }: Params) {
  const { actor, detail } = await loadCase((await params).id);
  const t = await getT();
  const locale = await getLocale();
  const today = todayIso();
  const f = detail.fields;
  const { identity, person } = detail;

  const age = ageOn(identity.dateOfBirth ?? person.birthYearMonth, today);
  const birth = t("print.caseSummary.birthMonth", { year: person.birthYearMonth.slice(0, 4), month: Number(person.birthYearMonth.slice(5, 7)) });
  const stay = stayText(t, detail.lengthOfStay.days, monthsBetween(f.indexAdmissionDate, f.dischargeDate ?? today), detail.lengthOfStay.approximate);
  const phases = detail.timeline.slice(-PHASES_SHOWN);
  const activities = detail.activities.slice(0, ACTIVITIES_SHOWN);
  const plans = detail.carePlans.filter((p) => CURRENT_PLAN_STATUSES.includes(p.status));
  const followUps = detail.followUps.filter((c) => !c.checkedDate);

  return (
    <div className="space-y-4 print:space-y-0">
      <div className="flex flex-wrap items-center gap-3 print:hidden">
        <Link href={`/cases/${detail.id}`} className={`rounded-sm text-sm text-brand-800 underline underline-offset-2 hover:text-brand-900 ${focusRing}`}>
          {t("print.caseSummary.back")}
        </Link>
        <PrintButton label={t("print.print")} />
        <p className="text-sm text-slate-700">{t("print.caseSummary.screenHint")}</p>
      </div>

      {/* 210mm wide on screen too, so what you see is the sheet. */}
      <article
        aria-labelledby="case-summary-title"
        data-testid="case-summary"
        className="mx-auto w-full max-w-[210mm] space-y-3 rounded-md border border-slate-300 bg-white p-[12mm] text-[13px] leading-snug text-slate-900 shadow-sm print:max-w-none print:space-y-2.5 print:rounded-none print:border-0 print:p-0 print:text-[10pt] print:shadow-none"
      >
        <header className="flex items-end justify-between gap-4 border-b-2 border-slate-800 pb-1.5">
          <div className="min-w-0">
            <p className="text-[0.85em] text-slate-700">{t("print.caseSummary.title")}</p>
            <h1 id="case-summary-title" className="text-[1.6em] font-bold">
              {identity.familyName} {identity.givenName}
              <span className="ml-3 font-mono text-[0.8em] font-semibold">{detail.caseNo}</span>
            </h1>
          </div>
          <div className="shrink-0 text-right">
            <PhaseBadge phase={detail.phase} locale={locale} />
          </div>
        </header>

        <div className="grid grid-cols-2 gap-4">
          <Block title={t("print.caseSummary.identity")}>
            <Facts
              rows={[
                [t("caseDetail.identity.name"), `${identity.familyName} ${identity.givenName}`],
                [t("caseDetail.identity.kana"), `${identity.familyNameKana} ${identity.givenNameKana}`],
                [t("caseDetail.identity.birthYearMonth"), age === null ? birth : t("print.caseSummary.birthAge", { birth, age })],
                [t("caseDetail.identity.sex"), codeText(SEX_LABELS, person.sex, locale, t)],
                [t("caseDetail.identity.municipality"), person.municipalityName ?? t("caseDetail.notRecorded")],
              ]}
            />
          </Block>
          <Block title={t("print.caseSummary.facts")}>
            <Facts
              rows={[
                [t("caseDetail.header.office"), detail.office.name],
                [t("caseDetail.header.coordinator"), detail.coordinator.name],
                [t("caseDetail.summary.hospital"), detail.hospital.name],
                [t("print.caseSummary.admission"), `${formatDate(f.indexAdmissionDate, locale)}　${stay}`],
                [t("caseDetail.summary.admissionType"), codeText(ADMISSION_TYPE_LABELS, f.admissionType, locale, t)],
                [t("caseDetail.summary.diagnosisGroup"), codeText(DIAGNOSIS_GROUP_LABELS, f.diagnosisGroup, locale, t)],
                f.dischargeDate
                  ? [t("print.caseSummary.discharge"), formatDate(f.dischargeDate, locale)]
                  : [t("print.caseSummary.plannedDischarge"), formatDate(f.plannedDischargeDate, locale)],
                [t("print.caseSummary.consent"), f.consentDate ? formatDate(f.consentDate, locale) : t("caseDetail.noConsent")],
                [t("caseDetail.header.lastActivity"), detail.lastActivityDate ? formatDate(detail.lastActivityDate, locale) : t("caseDetail.header.noActivity")],
              ]}
            />
          </Block>
        </div>

        <Block title={t("print.caseSummary.phaseHistory")}>
          {phases.length === 0 ? (
            <p>{t("caseDetail.timeline.empty")}</p>
          ) : (
            // In two columns read downwards, oldest first, so the sheet stays short.
            <ol className="columns-2 gap-x-4">
              {phases.map((e) => (
                <li key={e.id} className="flex min-w-0 break-inside-avoid gap-2 border-b border-slate-200 py-0.5">
                  <time dateTime={e.date} className="shrink-0 tabular-nums">{formatDate(e.date, locale)}</time>
                  <span className="min-w-0 truncate">
                    {e.fromPhase ? `${PHASE_LABELS[e.fromPhase][locale]} → ` : `${t("caseDetail.timeline.opened")} `}
                    <strong>{PHASE_LABELS[e.phase][locale]}</strong>
                    {e.note && <span className="text-slate-700">　{e.note}</span>}
                  </span>
                </li>
              ))}
            </ol>
          )}
          {detail.timeline.length > phases.length && (
            <p className="mt-0.5 text-[0.85em] text-slate-700">{t("print.caseSummary.phaseHistoryEarlier", { n: detail.timeline.length - phases.length })}</p>
          )}
        </Block>

        <Block title={t("print.caseSummary.activities", { shown: activities.length, total: detail.activities.length })}>
          {activities.length === 0 ? (
            <p>{t("print.caseSummary.noActivities")}</p>
          ) : (
            <table className="w-full table-fixed border-collapse">
              <thead>
                <tr className="border-b border-slate-400 text-left text-[0.85em]">
                  <th scope="col" className="w-[14%] py-0.5 pr-2 font-semibold">{t("caseDetail.activity.date")}</th>
                  <th scope="col" className="w-[17%] py-0.5 pr-2 font-semibold">{t("caseDetail.activity.type")}</th>
                  <th scope="col" className="w-[13%] py-0.5 pr-2 font-semibold">{t("caseDetail.activity.staff")}</th>
                  <th scope="col" className="py-0.5 font-semibold">{t("caseDetail.activity.summary")}</th>
                </tr>
              </thead>
              <tbody>
                {activities.map((a) => (
                  <tr key={a.id} className="border-b border-slate-200 align-top">
                    <td className="py-0.5 pr-2 whitespace-nowrap tabular-nums">{formatDate(a.date, locale)}</td>
                    <td className="py-0.5 pr-2">
                      {codeText(ACTIVITY_TYPE_LABELS, a.activityType, locale, t)}
                      {a.withPeer && <span className="text-[0.85em]">（{t("caseDetail.activity.peerYes")}）</span>}
                    </td>
                    <td className="truncate py-0.5 pr-2">{a.staffName ?? "—"}</td>
                    <td className="py-0.5">
                      <span className="line-clamp-2 break-words">{a.summary ?? ""}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Block>

        <div className="grid grid-cols-2 gap-4">
          <Block title={t("print.caseSummary.carePlans")}>
            <Capped items={plans} cap={PLANS_SHOWN} empty={t("print.caseSummary.noCarePlans")} t={t}>
              {(p) => (
                <li key={p.id} className="border-b border-slate-200 py-0.5">
                  <span className="font-semibold">{codeText(CARE_PLAN_TYPE_LABELS, p.planType, locale, t)}</span>（{codeText(CARE_PLAN_STATUS_LABELS, p.status, locale, t)}）
                  <span className="block text-[0.85em] tabular-nums">
                    {t("print.caseSummary.reviewDue", { date: formatDate(p.reviewDueDate, locale) })}
                    {p.reviewOverdue && <strong>（{t("caseDetail.carePlan.reviewOverdue")}）</strong>}
                    {"　"}
                    {t("print.caseSummary.periodEnd", { date: formatDate(p.periodEndDate, locale) })}
                  </span>
                </li>
              )}
            </Capped>
          </Block>
          <Block title={t("print.caseSummary.followUps")}>
            <Capped items={followUps} cap={FOLLOW_UPS_SHOWN} empty={t("print.caseSummary.noFollowUps")} t={t}>
              {(c) => (
                <li key={c.id} className="flex gap-2 border-b border-slate-200 py-0.5">
                  <span className="font-semibold">{t("caseDetail.followUp.offset", { n: c.offsetMonths })}</span>
                  <span className="tabular-nums">{formatDate(c.dueDate, locale)}</span>
                  {c.overdue && <strong>{t("print.caseSummary.overdue")}</strong>}
                </li>
              )}
            </Capped>
          </Block>
        </div>

        <footer className="flex flex-wrap justify-between gap-x-4 border-t border-slate-400 pt-1 text-[0.85em] text-slate-700">
          <p data-testid="printed-by">{t("print.caseSummary.printedBy", { at: formatDateTime(appNow().toISOString(), locale), name: actor.displayName })}</p>
          <p>{t("print.caseSummary.confidential")}</p>
        </footer>
      </article>
    </div>
  );
}

/** A titled part of the sheet (an h2, so the page reads in order with a screen reader too). */
function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="min-w-0 break-inside-avoid">
      <h2 className="mb-1 border-l-4 border-slate-700 pl-1.5 text-[1.1em] font-bold">{title}</h2>
      {children}
    </section>
  );
}

function Facts({ rows }: { rows: [string, string][] }) {
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3">
      {rows.map(([term, description]) => (
        <div key={term} className="contents">
          <dt className="border-b border-slate-200 py-0.5 text-slate-700">{term}</dt>
          <dd className="truncate border-b border-slate-200 py-0.5">{description}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A list of at most `cap` items, with 「ほかN件」 for the rest. */
function Capped<T>({ items, cap, empty, t, children }: { items: T[]; cap: number; empty: string; t: Translate; children: (item: T) => ReactNode }) {
  if (items.length === 0) return <p>{empty}</p>;
  return (
    <>
      <ul>{items.slice(0, cap).map(children)}</ul>
      {items.length > cap && <p className="mt-0.5 text-[0.85em] text-slate-700">{t("print.caseSummary.more", { n: items.length - cap })}</p>}
    </>
  );
}

