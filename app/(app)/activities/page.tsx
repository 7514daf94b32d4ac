import type { Metadata } from "next";
import Link from "next/link";
import clsx from "clsx";
import { focusRing } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getEventSummaryForActor, getKyogiCoverageForActor, getMeetingSummaryForActor, getMonthlySummaryForActor, getTrainingSummaryForActor } from "@/lib/dal/activity-summaries";
import { requirePermission } from "@/lib/dal/session";
import { fiscalYearShortLabel } from "@/lib/domain/fiscal-year";
import { getLocale, getT } from "@/lib/i18n/server";
import type { RawSearchParams } from "@/lib/list-url";
import { readListParams } from "./_lib/params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("activities.overview.title") };
}

/** The year of the whole section at a glance, each figure linking to its list. */
export default async function ActivitiesOverviewPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("read:activity:reach");
  const t = await getT();
  const locale = await getLocale();
  const fy = (await readListParams(searchParams)).summaryYear;
  const meetings = getMeetingSummaryForActor(actor, { fiscalYear: fy });
  const trainings = getTrainingSummaryForActor(actor, { fiscalYear: fy });
  const events = getEventSummaryForActor(actor, { fiscalYear: fy });
  const coverage = getKyogiCoverageForActor(actor, { fiscalYear: fy });
  const monthly = getMonthlySummaryForActor(actor, { fiscalYear: fy });
  const fyLabel = fiscalYearShortLabel(fy, locale);
  const pct = (n: number | null) => (n === null ? "—" : n.toFixed(1));
  const q = `?fy=${fy}`;
  const cards = [
    { href: `/activities/meetings${q}`, label: t("activities.overview.meetings"), value: t("activities.common.times", { n: meetings.total }), hint: `${t("activities.overview.kyogiSessions")} ${t("activities.common.times", { n: meetings.kyogi.sessions })}` },
    {
      href: `/activities/trainings${q}`,
      label: t("activities.overview.trainings"),
      value: t("activities.common.times", { n: trainings.total }),
      hint: `${t("activities.overview.jinzai")} ${t("activities.common.times", { n: trainings.byKind.jinzai_ikusei })}`,
    },
    { href: `/activities/events${q}`, label: t("activities.overview.awareness"), value: t("activities.common.times", { n: events.byKind.awareness.events }), hint: t("activities.overview.participants", { n: events.byKind.awareness.participants.toLocaleString("ja-JP") }) },
    { href: `/activities/events${q}&kind=family_support`, label: t("activities.overview.familySupport"), value: t("activities.common.times", { n: events.byKind.family_support.events }), hint: t("activities.overview.families", { n: events.byKind.family_support.families.toLocaleString("ja-JP") }) },
    { href: `/activities/kyogi${q}`, label: t("activities.overview.municipalCoverage"), value: t("activities.overview.ratio", { covered: coverage.municipalities.covered, total: coverage.municipalities.total }) },
    { href: `/activities/kyogi${q}`, label: t("activities.overview.regionCoverage"), value: t("activities.overview.ratio", { covered: coverage.regions.covered, total: coverage.regions.total }) },
    ...(monthly.phone
      ? [{ href: `/activities/monthly${q}`, label: t("activities.overview.calls"), value: monthly.phone.callsTotal.toLocaleString("ja-JP"), hint: t("activities.overview.nightShare", { pct: pct(monthly.phone.nightSharePercent) }) }]
      : []),
    ...(monthly.hostel
      ? [{ href: `/activities/monthly${q}`, label: t("activities.overview.hostelNights"), value: monthly.hostel.nights.toLocaleString("ja-JP"), hint: t("activities.overview.occupancy", { pct: pct(monthly.hostel.occupancyPercent) }) }]
      : []),
  ];
  return (
    <div className="space-y-5">
      <PageHeader title={t("activities.overview.title")} description={t("activities.overview.lead", { fy: fyLabel })} />
      <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {cards.map((c) => (
          <li key={c.label}>
            <Link href={c.href} className={clsx("flex h-full flex-col gap-1 rounded-md border border-slate-300 bg-white p-4 shadow-sm hover:border-brand-700 hover:bg-brand-50", focusRing)}>
              <span className="text-sm font-medium text-slate-700">{c.label}</span>
              <span className="text-3xl leading-tight font-semibold text-brand-800 tabular-nums">{c.value}</span>
              {c.hint && <span className="text-xs text-slate-600">{c.hint}</span>}
            </Link>
          </li>
        ))}
      </ul>
      <p className="text-sm text-slate-700">{t("activities.description")}</p>
    </div>
  );
}
