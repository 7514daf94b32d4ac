import type { Metadata } from "next";
import Link from "next/link";
import clsx from "clsx";
import { FilterPanel } from "@/components/forms/filter-panel";
import { Badge } from "@/components/ui/badge";
import { ButtonLink, focusRing } from "@/components/ui/button";
import { DataTable, type Column } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { ExportButtons } from "@/components/export-buttons";
import { getMeetingSummaryForActor } from "@/lib/dal/activity-summaries";
import { listMeetingsForActor, type MeetingListRow } from "@/lib/dal/meetings";
import { getScopeSummaryForActor } from "@/lib/dal/org";
import { requirePermission } from "@/lib/dal/session";
import { KYOGI_LEVEL_LABELS, KYOGI_LEVELS, MEETING_KIND_LABELS } from "@/lib/domain/activity-codes";
import { codeOptions } from "@/lib/domain/codes";
import { formatDate } from "@/lib/domain/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { meetingListQuery } from "@/lib/list-queries";
import { clearFiltersHref, loadPageInRange, type RawSearchParams } from "@/lib/list-url";
import { canWriteActivities } from "../_lib/access";
import { readListParams } from "../_lib/params";
import { ActivityFilterFields, FilterSelect, HostFilter, RecordsEmpty } from "../_components/list-filters";
import { MeetingSummaryPanel } from "./_components/meeting-summary";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("activities.meetings.title") };
}

const BASE = "/activities/meetings";
const FILTER_KEYS = ["fy", "kind", "host", "level", "q"] as const;

export default async function MeetingsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("read:activity:reach");
  const t = await getT();
  const locale = await getLocale();
  const list = await readListParams(searchParams);
  const { params } = list;
  const offices = getScopeSummaryForActor(actor).offices;
  // The URL's filter and order, read as the export reads them (lib/list-queries.ts).
  const { filter, req, sortChosen } = await meetingListQuery(actor, params);
  const page = loadPageInRange(req, (r) => listMeetingsForActor(actor, r, filter));
  const summary = getMeetingSummaryForActor(actor, { fiscalYear: list.summaryYear, host: filter.host });
  const canCreate = canWriteActivities(actor);
  const hasFilters = !!(filter.kind || filter.host || filter.level || filter.q || params.fy);
  const clearHref = hasFilters ? clearFiltersHref(BASE, params, FILTER_KEYS) : undefined;

  const columns: Column<MeetingListRow>[] = [
    { key: "date", header: t("activities.meetings.columns.date"), sortable: true, cell: (m) => <span className="whitespace-nowrap tabular-nums">{formatDate(m.date, locale)}</span> },
    { key: "kind", header: t("activities.meetings.columns.kind"), sortable: true, cell: (m) => <span className="block min-w-24">{MEETING_KIND_LABELS[m.kind][locale]}</span> },
    {
      key: "title",
      header: t("activities.meetings.columns.title"),
      sortable: true,
      cell: (m) => (
        <Link href={`${BASE}/${m.id}`} className={clsx("block min-w-40 rounded-sm font-medium text-brand-800 underline underline-offset-2 hover:text-brand-900", focusRing)}>
          {m.title}
        </Link>
      ),
    },
    { key: "host", header: t("activities.meetings.columns.host"), sortable: true, cell: (m) => <span className="block min-w-24">{m.officeName ?? t("activities.common.prefecture")}</span> },
    {
      key: "kyogi",
      header: t("activities.meetings.columns.kyogi"),
      cell: (m) => (m.kyogiBodyName && m.kyogiLevel ? <span className="block min-w-32 text-xs">{`${m.kyogiBodyName}（${KYOGI_LEVEL_LABELS[m.kyogiLevel][locale]}）`}</span> : <span className="text-slate-600">—</span>),
    },
    { key: "attendance", header: t("activities.meetings.columns.attendance"), sortable: true, align: "right", cell: (m) => t("activities.common.people", { n: m.attendanceTotal.toLocaleString("ja-JP") }) },
    {
      key: "flags",
      header: t("activities.meetings.columns.flags"),
      cell: (m) => (
        <span className="flex min-w-28 flex-col items-start gap-1">
          {m.targetsReviewed && <Badge tone="success">{t("activities.meetings.targetsBadge")}</Badge>}
          {m.casesReviewed !== null && <Badge tone="neutral">{t("activities.meetings.summary.caseReviewsHint", { n: m.casesReviewed })}</Badge>}
        </span>
      ),
    },
  ];

  const newButton = canCreate ? <ButtonLink href={`${BASE}/new`}>{t("activities.meetings.new")}</ButtonLink> : undefined;
  return (
    <div className="space-y-5">
      <PageHeader title={t("activities.meetings.title")} description={t("activities.meetings.description")} actions={newButton} />
      <ExportButtons list="meetings" query={params} />
      <MeetingSummaryPanel summary={summary} t={t} locale={locale} />
      <FilterPanel
        headingId="meeting-filters-heading"
        heading={t("activities.common.filters.heading")}
        action={BASE}
        params={params}
        hidden={sortChosen ? { sort: req.sort, dir: req.dir } : {}}
        applyLabel={t("activities.common.filters.apply")}
        clear={clearHref ? { href: clearHref, label: t("activities.common.filters.clear") } : undefined}
      >
        <ActivityFilterFields t={t} locale={locale} list={list} base={BASE} q={filter.q} pageSize={page.pageSize}>
          <FilterSelect label={t("activities.meetings.filters.kind")} name="kind" value={filter.kind} any={t("activities.common.any")} options={codeOptions(MEETING_KIND_LABELS, locale)} />
          <HostFilter t={t} label={t("activities.meetings.filters.host")} value={filter.host} offices={offices} />
          <FilterSelect
            label={t("activities.meetings.filters.level")}
            name="level"
            value={filter.level}
            any={t("activities.common.any")}
            options={[
              ...KYOGI_LEVELS.map((l) => ({ value: l, label: t("activities.meetings.filters.levelOption", { level: KYOGI_LEVEL_LABELS[l][locale] }) })),
              { value: "none", label: t("activities.meetings.filters.levelNone") },
            ]}
          />
        </ActivityFilterFields>
      </FilterPanel>
      <DataTable
        caption={t("activities.meetings.caption")}
        columns={columns}
        rows={page.rows}
        rowKey={(m) => m.id}
        basePath={BASE}
        searchParams={params}
        sort={{ key: req.sort, dir: req.dir }}
        pagination={{ page: page.page, pageSize: page.pageSize, total: page.total }}
        empty={<RecordsEmpty t={t} clearHref={clearHref} newButton={newButton} />}
      />
    </div>
  );
}
