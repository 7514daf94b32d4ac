import type { Metadata } from "next";
import Link from "next/link";
import clsx from "clsx";
import { ColumnChart } from "@/components/charts/column-chart";
import { FilterPanel } from "@/components/forms/filter-panel";
import { DispatchStatusBadge } from "@/components/peers/status-badges";
import { ButtonLink, focusRing } from "@/components/ui/button";
import { CountChips } from "@/components/ui/count-chip";
import { StatCard } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField, TextField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { ExportButtons } from "@/components/export-buttons";
import { can } from "@/lib/auth/permissions";
import { listHospitalsForActor } from "@/lib/dal/hospitals";
import { getDispatchYearSummaryForActor } from "@/lib/dal/peer-dispatch-summary";
import { listDispatchesForActor, type DispatchRow } from "@/lib/dal/peer-dispatch-list";
import { getPeerFormOptionsForActor } from "@/lib/dal/peers";
import { requirePermission } from "@/lib/dal/session";
import { codeLabel, codeOptions } from "@/lib/domain/codes";
import { fiscalYearLabel } from "@/lib/domain/fiscal-year";
import { formatDate, formatMonth } from "@/lib/domain/format";
import { DISPATCH_STATUS_LABELS, DISPATCH_STATUSES, PEER_PURPOSE_LABELS } from "@/lib/domain/peer-codes";
import { getLocale, getT } from "@/lib/i18n/server";
import { dispatchListQuery } from "@/lib/list-queries";
import { clearFiltersHref, firstValues, loadPageInRange, PAGE_SIZES, type RawSearchParams, tableHref } from "@/lib/list-url";
import { fiscalYearOptions, getSelectedFiscalYear } from "@/lib/preferences";
import { PeersTabs } from "../_components/peers-tabs";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("dispatches.title") };
}

const BASE = "/peers/dispatches";
const FILTER_KEYS = ["status", "purpose", "officeId", "fy", "hospitalId", "peerId", "q", "due"] as const;

export default async function DispatchesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("read:dispatch:reach");
  const t = await getT();
  const locale = await getLocale();
  const params = firstValues(await searchParams);
  const { offices } = getPeerFormOptionsForActor(actor);
  const hospitals = listHospitalsForActor(actor, { includeInactive: true });
  const years = fiscalYearOptions();
  const headerYear = await getSelectedFiscalYear();
  // The URL's filter and order, read as the export reads them (lib/list-queries.ts).
  const { filter, req } = dispatchListQuery(actor, params);
  const fiscalYear = filter.fiscalYear;
  const page = loadPageInRange(req, (r) => listDispatchesForActor(actor, r, filter));

  const summaryYear = fiscalYear ?? headerYear;
  const summary = getDispatchYearSummaryForActor(actor, summaryYear);
  const canCreate = can(actor.role, "write:dispatch:reach");
  const hasFilters = !!(filter.purpose || filter.officeId || filter.hospitalId || filter.peerId || filter.q || filter.fiscalYear || filter.due);
  const clearHref = clearFiltersHref(BASE, params, FILTER_KEYS);
  const link = clsx("rounded-sm font-medium whitespace-nowrap text-brand-800 underline underline-offset-2 hover:text-brand-900", focusRing);

  const columns: Column<DispatchRow>[] = [
    {
      key: "date",
      header: t("dispatches.fields.date"),
      sortable: true,
      cell: (d) => (
        <Link href={`/peers/dispatches/${d.id}`} className={clsx(link, "tabular-nums")}>
          {formatDate(d.date, locale)}
          {d.startTime && <span className="ml-1 text-xs font-normal">{d.startTime}{d.endTime ? `–${d.endTime}` : ""}</span>}
        </Link>
      ),
    },
    { key: "status", header: t("dispatches.fields.status"), sortable: true, cell: (d) => <DispatchStatusBadge status={d.status} locale={locale} /> },
    { key: "purpose", header: t("dispatches.fields.purpose"), sortable: true, cell: (d) => <span className="block min-w-28">{codeLabel(PEER_PURPOSE_LABELS, d.purpose, locale)}</span> },
    { key: "destination", header: t("dispatches.fields.destination"), cell: (d) => <span className="block min-w-32">{d.destination}</span> },
    { key: "members", header: t("dispatches.list.members"), cell: (d) => <span className="font-mono text-xs whitespace-nowrap">{d.members.join(" ")}</span> },
    { key: "hours", header: t("dispatches.fields.hours"), align: "right", cell: (d) => <span className="tabular-nums">{d.hours ?? "—"}</span> },
    { key: "audience", header: t("dispatches.list.audience"), align: "right", cell: (d) => <span className="tabular-nums">{d.audienceCount ?? "—"}</span> },
    { key: "office", header: t("dispatches.fields.office"), sortable: true, cell: (d) => <span className="block min-w-24">{d.officeName}</span> },
    { key: "case", header: t("dispatches.list.case"), cell: (d) => (d.caseNo ? <span className="font-mono text-xs whitespace-nowrap">{d.caseNo}</span> : <span className="text-slate-600">—</span>) },
  ];

  return (
    <div className="space-y-5">
      <PageHeader
        title={t("peers.title")}
        description={t("dispatches.description")}
        actions={canCreate && <ButtonLink href="/peers/dispatches/new">{t("peers.recordDispatch")}</ButtonLink>}
      />
      <ExportButtons list="dispatches" query={params} />
      <PeersTabs current="dispatches" t={t} />

      <section aria-labelledby="dispatch-summary-heading" className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-2">
          <h2 id="dispatch-summary-heading" className="text-base font-semibold text-slate-900">
            {t("peers.summary.heading", { fy: fiscalYearLabel(summaryYear, locale) })}
          </h2>
          <div className="grid grid-cols-2 gap-3 md:grid-cols-3">
            <StatCard label={t("peers.summary.dispatchesDone")} value={summary.done} hint={t("peers.summary.dispatchesOpen", { n: summary.open })} />
            <StatCard label={t("peers.summary.personDispatches")} value={summary.personDispatches} hint={t("peers.summary.hours", { n: summary.hours })} />
            <StatCard label={t("peers.summary.audience")} value={summary.audience} hint={t("peers.summary.hospitals", { n: summary.hospitals })} />
            <StatCard label={t("peers.summary.casesInvolved")} value={summary.casesInvolved} />
            <StatCard label={t("peers.summary.honorarium")} value={`¥${summary.honorariumYen.toLocaleString("ja-JP")}`} hint={t("peers.summary.travel", { yen: summary.travelYen.toLocaleString("ja-JP") })} />
            <StatCard label={t("peers.summary.cancelled")} value={summary.cancelled} />
          </div>
        </div>
        <div className="rounded-md border border-slate-300 bg-white p-4 shadow-sm">
          <ColumnChart
            caption={t("dispatches.chart.caption", { fy: fiscalYearLabel(summaryYear, locale) })}
            categories={summary.byMonth.map((m) => ({ key: m.month, label: formatMonth(m.month, locale) }))}
            series={[{ key: "done", label: t("dispatches.chart.unit"), color: "#0e5966" }]}
            values={Object.fromEntries(summary.byMonth.map((m) => [m.month, { done: m.n }]))}
            labels={{ showTable: t("dispatches.chart.showTable"), category: t("dispatches.chart.month"), total: t("dispatches.chart.total"), missing: "—" }}
          />
        </div>
      </section>

      <CountChips
        label={t("dispatches.list.statusCounts")}
        allLabel={t("peers.list.all")}
        codes={DISPATCH_STATUSES}
        counts={page.statusCounts}
        current={filter.status}
        labelOf={(s) => DISPATCH_STATUS_LABELS[s][locale]}
        hrefOf={(s) => tableHref(BASE, params, { status: s, page: undefined })}
      />

      <FilterPanel
        headingId="dispatch-filters-heading"
        heading={t("peers.filters.heading")}
        action={BASE}
        params={params}
        hidden={{ status: filter.status, peerId: filter.peerId, due: filter.due ? "1" : undefined }}
        applyLabel={t("peers.filters.apply")}
        clear={hasFilters ? { href: clearHref, label: t("peers.filters.clear") } : undefined}
        after={
          <>
            {filter.peerId && <p className="mt-3 text-sm text-slate-700">{t("dispatches.filters.onePeer")}</p>}
            {filter.due && <p className="mt-3 text-sm text-slate-700">{t("dispatches.filters.dueOnly")}</p>}
          </>
        }
      >
        <div className="sm:col-span-2">
          <TextField label={t("dispatches.filters.q")} name="q" type="search" defaultValue={filter.q ?? ""} hint={t("dispatches.filters.qHint")} maxLength={100} />
        </div>
        <SelectField
          label={t("dispatches.filters.fiscalYear")}
          name="fy"
          defaultValue={fiscalYear ? String(fiscalYear) : ""}
          placeholder={t("peers.filters.allYears")}
          options={years.map((fy) => ({ value: String(fy), label: fiscalYearLabel(fy, locale) }))}
        />
        <SelectField label={t("dispatches.fields.purpose")} name="purpose" defaultValue={filter.purpose ?? ""} placeholder={t("peers.filters.any")} options={codeOptions(PEER_PURPOSE_LABELS, locale)} />
        {offices.length > 1 && (
          <SelectField label={t("dispatches.fields.office")} name="officeId" defaultValue={filter.officeId ?? ""} placeholder={t("peers.filters.any")} options={offices.map((o) => ({ value: o.id, label: o.name }))} />
        )}
        <SelectField
          label={t("dispatches.fields.hospitalId")}
          name="hospitalId"
          defaultValue={filter.hospitalId ?? ""}
          placeholder={t("peers.filters.any")}
          options={hospitals.map((h) => ({ value: h.id, label: h.name }))}
        />
        <SelectField
          label={t("peers.filters.size")}
          name="size"
          defaultValue={String(page.pageSize)}
          options={PAGE_SIZES.map((n) => ({ value: String(n), label: t("peers.filters.sizeOption", { n }) }))}
        />
      </FilterPanel>

      <DataTable
        caption={t("dispatches.list.caption", { fy: fiscalYear ? fiscalYearLabel(fiscalYear, locale) : t("peers.filters.allYears") })}
        columns={columns}
        rows={page.rows}
        rowKey={(d) => d.id}
        basePath={BASE}
        searchParams={params}
        sort={{ key: req.sort, dir: req.dir }}
        pagination={{ page: page.page, pageSize: page.pageSize, total: page.total }}
        empty={
          <EmptyState
            title={t("dispatches.list.empty")}
            description={t("dispatches.list.emptyBody")}
            action={
              hasFilters || filter.status ? (
                <ButtonLink href={clearHref} variant="secondary">
                  {t("peers.filters.clear")}
                </ButtonLink>
              ) : canCreate ? (
                <ButtonLink href="/peers/dispatches/new">{t("peers.recordDispatch")}</ButtonLink>
              ) : undefined
            }
          />
        }
      />
    </div>
  );
}
