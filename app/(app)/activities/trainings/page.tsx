import type { Metadata } from "next";
import Link from "next/link";
import clsx from "clsx";
import { FilterForm } from "@/components/forms/filter-form";
import { ButtonLink, focusRing } from "@/components/ui/button";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getTrainingSummaryForActor } from "@/lib/dal/activity-summaries";
import { getScopeSummaryForActor } from "@/lib/dal/org";
import { parsePageRequest } from "@/lib/dal/pagination";
import { requirePermission } from "@/lib/dal/session";
import { listTrainingsForActor, TRAINING_SORT_KEYS, type TrainingFilter, type TrainingListRow } from "@/lib/dal/trainings";
import { TRAINING_KIND_LABELS, TRAINING_KINDS, TRAINING_SCOPE_LABELS, TRAINING_SCOPES } from "@/lib/domain/activity-codes";
import { codeOptions } from "@/lib/domain/codes";
import { formatDate } from "@/lib/domain/format";
import { getLocale, getT } from "@/lib/i18n/server";
import type { RawSearchParams } from "@/lib/search-params";
import { PREFECTURE_HOST } from "@/lib/validation/activities";
import { FilterButtons, FilterSelect, ListFilterFields, PageSizeField, SearchField, YearField } from "../_components/list-filters";
import { canWriteActivities } from "../_lib/access";
import { clearFiltersHref, oneOf, readListParams } from "../_lib/params";
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
  const filter: TrainingFilter = {
    fiscalYear: list.fiscalYear,
    kind: oneOf(TRAINING_KINDS, params.kind),
    scope: oneOf(TRAINING_SCOPES, params.scope),
    host: oneOf([PREFECTURE_HOST, ...offices.map((o) => o.id)], params.host),
    q: params.q?.trim().slice(0, 100) || undefined,
  };
  const sortChosen = !!oneOf(TRAINING_SORT_KEYS, params.sort);
  const parsed = parsePageRequest(params, TRAINING_SORT_KEYS, "date");
  const req = sortChosen ? parsed : { ...parsed, dir: "desc" as const };
  let page = listTrainingsForActor(actor, req, filter);
  const lastPage = Math.max(1, Math.ceil(page.total / page.pageSize));
  if (page.rows.length === 0 && page.total > 0 && req.page > lastPage) page = listTrainingsForActor(actor, { ...req, page: lastPage }, filter);
  const summary = getTrainingSummaryForActor(actor, { fiscalYear: list.summaryYear, host: filter.host });
  const canCreate = canWriteActivities(actor);
  const hasFilters = !!(filter.kind || filter.scope || filter.host || filter.q || params.fy);

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
      <TrainingSummaryPanel summary={summary} t={t} locale={locale} />
      <section aria-labelledby="training-filters-heading" className="rounded-md border border-slate-300 bg-white p-4 shadow-sm">
        <h2 id="training-filters-heading" className="mb-3 text-base font-semibold text-slate-900">
          {t("activities.common.filters.heading")}
        </h2>
        <FilterForm key={list.formKey} action={BASE} label={t("activities.common.filters.heading")}>
          {sortChosen && <input type="hidden" name="sort" value={req.sort} />}
          {sortChosen && <input type="hidden" name="dir" value={req.dir} />}
          <ListFilterFields>
            <SearchField t={t} value={filter.q} />
            <YearField t={t} locale={locale} list={list} base={BASE} />
            <FilterSelect label={t("activities.trainings.filters.kind")} name="kind" value={filter.kind} any={t("activities.common.any")} options={codeOptions(TRAINING_KIND_LABELS, locale)} />
            <FilterSelect label={t("activities.trainings.filters.scope")} name="scope" value={filter.scope} any={t("activities.common.any")} options={codeOptions(TRAINING_SCOPE_LABELS, locale)} />
            <FilterSelect
              label={t("activities.trainings.filters.host")}
              name="host"
              value={filter.host}
              any={t("activities.common.any")}
              options={[{ value: PREFECTURE_HOST, label: t("activities.common.prefecture") }, ...offices.map((o) => ({ value: o.id, label: o.name }))]}
            />
            <PageSizeField t={t} size={page.pageSize} />
          </ListFilterFields>
          <FilterButtons t={t} clearHref={hasFilters ? clearFiltersHref(BASE, params, FILTER_KEYS) : undefined} />
        </FilterForm>
      </section>
      <DataTable
        caption={t("activities.trainings.caption")}
        columns={columns}
        rows={page.rows}
        rowKey={(r) => r.id}
        basePath={BASE}
        searchParams={params}
        sort={{ key: req.sort, dir: req.dir }}
        pagination={{ page: page.page, pageSize: page.pageSize, total: page.total }}
        empty={
          hasFilters ? (
            <EmptyState
              title={t("activities.common.empty.filteredTitle")}
              description={t("activities.common.empty.filteredBody")}
              action={
                <ButtonLink href={clearFiltersHref(BASE, params, FILTER_KEYS)} variant="secondary">
                  {t("activities.common.filters.clear")}
                </ButtonLink>
              }
            />
          ) : (
            <EmptyState title={t("activities.common.empty.noneTitle")} description={canCreate ? t("activities.common.empty.noneBody") : undefined} action={newButton} />
          )
        }
      />
    </div>
  );
}
