import type { Metadata } from "next";
import Link from "next/link";
import clsx from "clsx";
import { BarChart } from "@/components/charts/bar-chart";
import { FilterPanel } from "@/components/forms/filter-panel";
import { Badge } from "@/components/ui/badge";
import { ButtonLink, focusRing } from "@/components/ui/button";
import { StatCard } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { ExportButtons } from "@/components/export-buttons";
import { getEventSummaryForActor } from "@/lib/dal/activity-summaries";
import { listEventsForActor, type EventListRow } from "@/lib/dal/community-events";
import { getScopeSummaryForActor } from "@/lib/dal/org";
import { requirePermission } from "@/lib/dal/session";
import { EVENT_KIND_LABELS, EVENT_SUBTYPE_LABELS, EVENT_SUBTYPES } from "@/lib/domain/activity-codes";
import { codeOptions } from "@/lib/domain/codes";
import { fiscalYearShortLabel } from "@/lib/domain/fiscal-year";
import { formatDate } from "@/lib/domain/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { eventListQuery } from "@/lib/list-queries";
import { clearFiltersHref, loadPageInRange, type RawSearchParams } from "@/lib/list-url";
import { ActivityFilterFields, FilterSelect, HostFilter, RecordsEmpty } from "../_components/list-filters";
import { barChartLabels, SummaryPanel } from "../_components/summary-panel";
import { canWriteActivities } from "../_lib/access";
import { readListParams } from "../_lib/params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("activities.events.title") };
}

const BASE = "/activities/events";
const FILTER_KEYS = ["fy", "kind", "subtype", "host", "q"] as const;

export default async function EventsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("read:activity:reach");
  const t = await getT();
  const locale = await getLocale();
  const list = await readListParams(searchParams);
  const { params } = list;
  const offices = getScopeSummaryForActor(actor).offices;
  // The URL's filter and order, read as the export reads them (lib/list-queries.ts).
  const { filter, req, sortChosen } = await eventListQuery(actor, params);
  const page = loadPageInRange(req, (r) => listEventsForActor(actor, r, filter));
  const summary = getEventSummaryForActor(actor, { fiscalYear: list.summaryYear, host: filter.host });
  const canCreate = canWriteActivities(actor);
  const hasFilters = !!(filter.kind || filter.subtype || filter.host || filter.q || params.fy);
  const clearHref = hasFilters ? clearFiltersHref(BASE, params, FILTER_KEYS) : undefined;

  const columns: Column<EventListRow>[] = [
    { key: "date", header: t("activities.events.columns.date"), sortable: true, cell: (r) => <span className="whitespace-nowrap tabular-nums">{formatDate(r.date, locale)}</span> },
    {
      key: "kind",
      header: t("activities.events.columns.kind"),
      sortable: true,
      cell: (r) => (
        <span className="block min-w-24">
          {EVENT_KIND_LABELS[r.kind][locale]}
          <span className="block text-xs text-slate-600">{EVENT_SUBTYPE_LABELS[r.subtype][locale]}</span>
        </span>
      ),
    },
    {
      key: "title",
      header: t("activities.events.columns.title"),
      sortable: true,
      cell: (r) => (
        <span className="flex min-w-40 flex-col items-start gap-1">
          <Link href={`${BASE}/${r.id}`} className={clsx("rounded-sm font-medium text-brand-800 underline underline-offset-2 hover:text-brand-900", focusRing)}>
            {r.title}
          </Link>
          {r.withPeers && <Badge tone="info">{t("activities.events.peersBadge")}</Badge>}
        </span>
      ),
    },
    { key: "host", header: t("activities.events.columns.host"), sortable: true, cell: (r) => <span className="block min-w-24">{r.officeName ?? t("activities.common.prefecture")}</span> },
    { key: "participants", header: t("activities.events.columns.participants"), sortable: true, align: "right", cell: (r) => t("activities.common.people", { n: r.participants.toLocaleString("ja-JP") }) },
    { key: "families", header: t("activities.events.columns.families"), align: "right", cell: (r) => (r.families === null ? "—" : r.families.toLocaleString("ja-JP")) },
  ];

  const newButton = canCreate ? <ButtonLink href={`${BASE}/new`}>{t("activities.events.new")}</ButtonLink> : undefined;
  return (
    <div className="space-y-5">
      <PageHeader title={t("activities.events.title")} description={t("activities.events.description")} actions={newButton} />
      <ExportButtons list="events" query={params} />
      <SummaryPanel id="event-summary-heading" title={t("activities.events.summary.title", { fy: fiscalYearShortLabel(list.summaryYear, locale) })}>
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          <StatCard
            label={t("activities.events.summary.awareness")}
            value={t("activities.common.times", { n: summary.byKind.awareness.events })}
            hint={t("activities.events.summary.awarenessHint", { n: summary.byKind.awareness.participants.toLocaleString("ja-JP") })}
          />
          <StatCard
            label={t("activities.events.summary.family")}
            value={t("activities.common.times", { n: summary.byKind.family_support.events })}
            hint={t("activities.events.summary.familyHint", { n: summary.byKind.family_support.families.toLocaleString("ja-JP"), p: summary.byKind.family_support.participants.toLocaleString("ja-JP") })}
          />
          <StatCard label={t("activities.events.summary.withPeers")} value={t("activities.common.times", { n: summary.withPeers })} />
        </div>
        <BarChart
          caption={t("activities.events.summary.bySubtype")}
          items={EVENT_SUBTYPES.map((s) => ({ key: s, label: EVENT_SUBTYPE_LABELS[s][locale], value: summary.bySubtype[s] }))}
          formatValue={(n) => t("activities.common.times", { n })}
          labels={barChartLabels(t)}
          empty={t("activities.common.empty.filteredTitle")}
        />
      </SummaryPanel>
      <FilterPanel
        headingId="event-filters-heading"
        heading={t("activities.common.filters.heading")}
        action={BASE}
        params={params}
        hidden={sortChosen ? { sort: req.sort, dir: req.dir } : {}}
        applyLabel={t("activities.common.filters.apply")}
        clear={clearHref ? { href: clearHref, label: t("activities.common.filters.clear") } : undefined}
      >
        <ActivityFilterFields t={t} locale={locale} list={list} base={BASE} q={filter.q} pageSize={page.pageSize}>
          <FilterSelect label={t("activities.events.filters.kind")} name="kind" value={filter.kind} any={t("activities.common.any")} options={codeOptions(EVENT_KIND_LABELS, locale)} />
          <FilterSelect label={t("activities.events.filters.subtype")} name="subtype" value={filter.subtype} any={t("activities.common.any")} options={codeOptions(EVENT_SUBTYPE_LABELS, locale)} />
          <HostFilter t={t} label={t("activities.events.filters.host")} value={filter.host} offices={offices} />
        </ActivityFilterFields>
      </FilterPanel>
      <DataTable
        caption={t("activities.events.caption")}
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
