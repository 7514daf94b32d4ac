import type { Metadata } from "next";
import Link from "next/link";
import clsx from "clsx";
import { FilterForm } from "@/components/forms/filter-form";
import { Badge } from "@/components/ui/badge";
import { ButtonLink, focusRing } from "@/components/ui/button";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getMeetingSummaryForActor } from "@/lib/dal/activity-summaries";
import { listMeetingsForActor, MEETING_SORT_KEYS, type MeetingFilter, type MeetingListRow } from "@/lib/dal/meetings";
import { getScopeSummaryForActor } from "@/lib/dal/org";
import { parsePageRequest } from "@/lib/dal/pagination";
import { requirePermission } from "@/lib/dal/session";
import { KYOGI_LEVEL_LABELS, KYOGI_LEVELS, MEETING_KIND_LABELS, MEETING_KINDS } from "@/lib/domain/activity-codes";
import { codeOptions } from "@/lib/domain/codes";
import { formatDate } from "@/lib/domain/format";
import { getLocale, getT } from "@/lib/i18n/server";
import type { RawSearchParams } from "@/lib/search-params";
import { PREFECTURE_HOST } from "@/lib/validation/activities";
import { canWriteActivities } from "../_lib/access";
import { clearFiltersHref, oneOf, readListParams } from "../_lib/params";
import { FilterButtons, FilterSelect, ListFilterFields, PageSizeField, SearchField, YearField } from "../_components/list-filters";
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
  const hostValues = [PREFECTURE_HOST, ...offices.map((o) => o.id)];
  const filter: MeetingFilter = {
    fiscalYear: list.fiscalYear,
    kind: oneOf(MEETING_KINDS, params.kind),
    host: oneOf(hostValues, params.host),
    level: oneOf([...KYOGI_LEVELS, "none"] as const, params.level),
    q: params.q?.trim().slice(0, 100) || undefined,
  };
  const sortChosen = !!oneOf(MEETING_SORT_KEYS, params.sort);
  const parsed = parsePageRequest(params, MEETING_SORT_KEYS, "date");
  const req = sortChosen ? parsed : { ...parsed, dir: "desc" as const };
  let page = listMeetingsForActor(actor, req, filter);
  const lastPage = Math.max(1, Math.ceil(page.total / page.pageSize));
  if (page.rows.length === 0 && page.total > 0 && req.page > lastPage) page = listMeetingsForActor(actor, { ...req, page: lastPage }, filter);
  const summary = getMeetingSummaryForActor(actor, { fiscalYear: list.summaryYear, host: filter.host });
  const canCreate = canWriteActivities(actor);
  const hasFilters = !!(filter.kind || filter.host || filter.level || filter.q || params.fy);

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
      <MeetingSummaryPanel summary={summary} t={t} locale={locale} />
      <section aria-labelledby="meeting-filters-heading" className="rounded-md border border-slate-300 bg-white p-4 shadow-sm">
        <h2 id="meeting-filters-heading" className="mb-3 text-base font-semibold text-slate-900">
          {t("activities.common.filters.heading")}
        </h2>
        <FilterForm key={list.formKey} action={BASE} label={t("activities.common.filters.heading")}>
          {sortChosen && <input type="hidden" name="sort" value={req.sort} />}
          {sortChosen && <input type="hidden" name="dir" value={req.dir} />}
          <ListFilterFields>
            <SearchField t={t} value={filter.q} />
            <YearField t={t} locale={locale} list={list} base={BASE} />
            <FilterSelect label={t("activities.meetings.filters.kind")} name="kind" value={filter.kind} any={t("activities.common.any")} options={codeOptions(MEETING_KIND_LABELS, locale)} />
            <FilterSelect
              label={t("activities.meetings.filters.host")}
              name="host"
              value={filter.host}
              any={t("activities.common.any")}
              options={[{ value: PREFECTURE_HOST, label: t("activities.common.prefecture") }, ...offices.map((o) => ({ value: o.id, label: o.name }))]}
            />
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
            <PageSizeField t={t} size={page.pageSize} />
          </ListFilterFields>
          <FilterButtons t={t} clearHref={hasFilters ? clearFiltersHref(BASE, params, FILTER_KEYS) : undefined} />
        </FilterForm>
      </section>
      <DataTable
        caption={t("activities.meetings.caption")}
        columns={columns}
        rows={page.rows}
        rowKey={(m) => m.id}
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
