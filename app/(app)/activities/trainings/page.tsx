import type { Metadata } from "next";
import Link from "next/link";
import clsx from "clsx";
import { FilterPanel } from "@/components/forms/filter-panel";
import { ButtonLink, focusRing } from "@/components/ui/button";
import { DataTable, type Column } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { ExportButtons } from "@/components/export-buttons";
import { getTrainingSummaryForActor } from "@/lib/dal/activity-summaries";
import { getScopeSummaryForActor } from "@/lib/dal/org";
import { requirePermission } from "@/lib/dal/session";
import { listTrainingsForActor, type TrainingListRow } from "@/lib/dal/trainings";
import { TRAINING_KIND_LABELS, TRAINING_SCOPE_LABELS } from "@/lib/domain/activity-codes";
import { codeOptions } from "@/lib/domain/codes";
import { formatDate } from "@/lib/domain/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { trainingListQuery } from "@/lib/list-queries";
import { clearFiltersHref, loadPageInRange, type RawSearchParams } from "@/lib/list-url";
import { ActivityFilterFields, FilterSelect, HostFilter, RecordsEmpty } from "../_components/list-filters";
import { canWriteActivities } from "../_lib/access";
import { readListParams } from "../_lib/params";
import { TrainingSummaryPanel } from "./_components/training-summary";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("activities.trainings.title") };
}

const BASE = "/activities/trainings";
const FILTER_KEYS = ["fy", "kind", "scope", "host", "q"] as const;

export default async function TrainingsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("read:activity:reach");
  const t = await getT();
  const locale = await getLocale();
  const list = await readListParams(searchParams);
  const { params } = list;
  const offices = getScopeSummaryForActor(actor).offices;
  // The URL's filter and order, read as the export reads them (lib/list-queries.ts).
  const { filter, req, sortChosen } = await trainingListQuery(actor, params);
  const page = loadPageInRange(req, (r) => listTrainingsForActor(actor, r, filter));
  const summary = getTrainingSummaryForActor(actor, { fiscalYear: list.summaryYear, host: filter.host });
  const canCreate = canWriteActivities(actor);
  const hasFilters = !!(filter.kind || filter.scope || filter.host || filter.q || params.fy);
  const clearHref = hasFilters ? clearFiltersHref(BASE, params, FILTER_KEYS) : undefined;

  const columns: Column<TrainingListRow>[] = [
    { key: "date", header: t("activities.trainings.columns.date"), sortable: true, cell: (r) => <span className="whitespace-nowrap tabular-nums">{formatDate(r.date, locale)}</span> },
    { key: "kind", header: t("activities.trainings.columns.kind"), sortable: true, cell: (r) => <span className="block min-w-24">{TRAINING_KIND_LABELS[r.kind][locale]}</span> },
    {
      key: "scope",
      header: t("activities.trainings.columns.scope"),
      sortable: true,
      cell: (r) => (
        <span className="block min-w-20">
          {TRAINING_SCOPE_LABELS[r.scope][locale]}
          {r.scope === "region" && r.regionName && <span className="block text-xs text-slate-600">{r.regionName}</span>}
        </span>
      ),
    },
    {
      key: "title",
      header: t("activities.trainings.columns.title"),
      sortable: true,
      cell: (r) => (
        <Link href={`${BASE}/${r.id}`} className={clsx("block min-w-40 rounded-sm font-medium text-brand-800 underline underline-offset-2 hover:text-brand-900", focusRing)}>
          {r.title}
        </Link>
      ),
    },
    {
      key: "host",
      header: t("activities.trainings.columns.host"),
      sortable: true,
      cell: (r) => (
        <span className="block min-w-24">
          {r.officeName ?? t("activities.common.prefecture")}
          {r.cohostNames.length > 0 && <span className="block text-xs text-slate-600">{t("activities.trainings.cohosts", { names: r.cohostNames.join("、") })}</span>}
        </span>
      ),
    },
    { key: "attendance", header: t("activities.trainings.columns.attendance"), sortable: true, align: "right", cell: (r) => t("activities.common.people", { n: r.attendanceTotal.toLocaleString("ja-JP") }) },
  ];

  const newButton = canCreate ? <ButtonLink href={`${BASE}/new`}>{t("activities.trainings.new")}</ButtonLink> : undefined;
  return (
    <div className="space-y-5">
      <PageHeader title={t("activities.trainings.title")} description={t("activities.trainings.description")} actions={newButton} />
      <ExportButtons list="trainings" query={params} />
      <TrainingSummaryPanel summary={summary} t={t} locale={locale} />
      <FilterPanel
        headingId="training-filters-heading"
        heading={t("activities.common.filters.heading")}
        action={BASE}
        params={params}
        hidden={sortChosen ? { sort: req.sort, dir: req.dir } : {}}
        applyLabel={t("activities.common.filters.apply")}
        clear={clearHref ? { href: clearHref, label: t("activities.common.filters.clear") } : undefined}
      >
        <ActivityFilterFields t={t} locale={locale} list={list} base={BASE} q={filter.q} pageSize={page.pageSize}>
          <FilterSelect label={t("activities.trainings.filters.kind")} name="kind" value={filter.kind} any={t("activities.common.any")} options={codeOptions(TRAINING_KIND_LABELS, locale)} />
          <FilterSelect label={t("activities.trainings.filters.scope")} name="scope" value={filter.scope} any={t("activities.common.any")} options={codeOptions(TRAINING_SCOPE_LABELS, locale)} />
          <HostFilter t={t} label={t("activities.trainings.filters.host")} value={filter.host} offices={offices} />
        </ActivityFilterFields>
      </FilterPanel>
      <DataTable
        caption={t("activities.trainings.caption")}
        columns={columns}
        rows={page.rows}
        rowKey={(r) => r.id}
        basePath={BASE}
        searchParams={params}
        sort={{ key: req.sort, dir: req.dir }}
        pagination={{ page: page.page, pageSize: page.pageSize, total: page.total }}
        empty={<RecordsEmpty t={t} clearHref={clearHref} newButton={newButton} />}
      />
    </div>
  );
}
