import type { Metadata } from "next";
import Link from "next/link";
import clsx from "clsx";
import { FilterPanel } from "@/components/forms/filter-panel";
import { PeerStatusBadge } from "@/components/peers/status-badges";
import { Badge } from "@/components/ui/badge";
import { ButtonLink, focusRing } from "@/components/ui/button";
import { CountChips } from "@/components/ui/count-chip";
import { StatCard } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField, TextField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { ExportButtons } from "@/components/export-buttons";
import { mayExportIdentity } from "@/lib/dal/exports";
import { can } from "@/lib/auth/permissions";
import { getDispatchYearSummaryForActor } from "@/lib/dal/peer-dispatch-summary";
import { getPeerFormOptionsForActor, listPeersForActor, type PeerRow } from "@/lib/dal/peers";
import { getPeerYearSummaryForActor } from "@/lib/dal/peer-summary";
import { requirePermission } from "@/lib/dal/session";
import { codeOptions } from "@/lib/domain/codes";
import { fiscalYearLabel, fiscalYearShortLabel } from "@/lib/domain/fiscal-year";
import { formatDate } from "@/lib/domain/format";
import { PEER_PURPOSE_LABELS, PEER_STATUS_LABELS, PEER_STATUSES, PEER_TRAINING_LABELS } from "@/lib/domain/peer-codes";
import { getLocale, getT } from "@/lib/i18n/server";
import { peerListQuery } from "@/lib/list-queries";
import { clearFiltersHref, firstValues, loadPageInRange, PAGE_SIZES, type RawSearchParams, tableHref } from "@/lib/list-url";
import { fiscalYearOptions, getSelectedFiscalYear } from "@/lib/preferences";
import { PeersTabs } from "./_components/peers-tabs";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("peers.title") };
}

const BASE = "/peers";
const FILTER_KEYS = ["officeId", "status", "training", "purpose", "regionId", "fy", "q"] as const;

export default async function PeersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("read:peer:reach");
  const t = await getT();
  const locale = await getLocale();
  const params = firstValues(await searchParams);
  const { offices, regions } = getPeerFormOptionsForActor(actor);
  // The URL's filter and order, read as the export reads them (lib/list-queries.ts).
  const { filter, req } = peerListQuery(actor, params);
  const years = fiscalYearOptions();
  const page = loadPageInRange(req, (r) => listPeersForActor(actor, r, filter));

  const headerYear = await getSelectedFiscalYear();
  const registry = getPeerYearSummaryForActor(actor, headerYear);
  const dispatches = getDispatchYearSummaryForActor(actor, headerYear);
  const canCreate = can(actor.role, "write:peer:reach");
  const hasFilters = FILTER_KEYS.some((k) => k !== "status" && filter[k === "fy" ? "fiscalYear" : k] !== undefined);
  const clearHref = clearFiltersHref(BASE, params, FILTER_KEYS);
  const link = clsx("rounded-sm font-medium whitespace-nowrap text-brand-800 underline underline-offset-2 hover:text-brand-900", focusRing);

  const columns: Column<PeerRow>[] = [
    {
      key: "displayCode",
      header: t("peers.fields.displayCode"),
      sortable: true,
      cell: (p) => (
        <Link href={`/peers/${p.id}`} className={clsx(link, "font-mono")}>
          {p.displayCode}
        </Link>
      ),
    },
    {
      key: "kana",
      header: t("peers.list.name"),
      sortable: true,
      cell: (p) => (
        <span className="flex min-w-32 flex-col">
          <span className="font-medium">{p.name}</span>
          <span className="text-xs text-slate-600">{p.kana}</span>
        </span>
      ),
    },
    { key: "status", header: t("peers.fields.status"), sortable: true, cell: (p) => <PeerStatusBadge status={p.status} locale={locale} /> },
    { key: "office", header: t("peers.fields.office"), sortable: true, cell: (p) => <span className="block min-w-24">{p.officeName}</span> },
    { key: "registrationFy", header: t("peers.fields.registrationFy"), cell: (p) => <span className="whitespace-nowrap">{fiscalYearShortLabel(p.registrationFy, locale)}</span> },
    { key: "expiresOn", header: t("peers.fields.expiresOn"), sortable: true, cell: (p) => <span className="whitespace-nowrap tabular-nums">{formatDate(p.expiresOn, locale)}</span> },
    { key: "trainings", header: t("peers.list.trainings"), align: "right", cell: (p) => <span className="tabular-nums">{p.trainings}</span> },
    {
      key: "warnings",
      header: t("peers.list.warnings"),
      cell: (p) => (p.insuranceLapsed ? <Badge tone="warning">{t("peers.list.insuranceLapsed")}</Badge> : <span className="text-slate-600">—</span>),
    },
  ];

  return (
    <div className="space-y-5">
      <PageHeader
        title={t("peers.title")}
        description={t("peers.description")}
        actions={
          canCreate && (
            <>
              <ButtonLink href="/peers/dispatches/new" variant="secondary">
                {t("peers.recordDispatch")}
              </ButtonLink>
              <ButtonLink href="/peers/new">{t("peers.register")}</ButtonLink>
            </>
          )
        }
      />
      <ExportButtons list="peers" query={params} identity={mayExportIdentity(actor)} />
      <PeersTabs current="registry" t={t} />

      <section aria-labelledby="peer-summary-heading" className="space-y-2">
        <h2 id="peer-summary-heading" className="text-base font-semibold text-slate-900">
          {t("peers.summary.heading", { fy: fiscalYearLabel(headerYear, locale) })}
        </h2>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
          <StatCard label={t("peers.summary.registered")} value={registry.registered} hint={t("peers.summary.newlyRegistered", { n: registry.newlyRegistered })} />
          <StatCard label={t("peers.summary.trainedYousei")} value={registry.trainedYousei} />
          <StatCard label={t("peers.summary.officesWithPeers")} value={`${registry.officesWithPeers} / ${registry.offices}`} />
          <StatCard label={t("peers.summary.dispatchesDone")} value={dispatches.done} hint={t("peers.summary.dispatchesOpen", { n: dispatches.open })} />
          <StatCard label={t("peers.summary.personDispatches")} value={dispatches.personDispatches} hint={t("peers.summary.hours", { n: dispatches.hours })} />
          <StatCard label={t("peers.summary.audience")} value={dispatches.audience} hint={t("peers.summary.hospitals", { n: dispatches.hospitals })} />
        </div>
      </section>

      <CountChips
        label={t("peers.list.statusCounts")}
        allLabel={t("peers.list.all")}
        codes={PEER_STATUSES}
        counts={page.statusCounts}
        current={filter.status}
        labelOf={(s) => PEER_STATUS_LABELS[s][locale]}
        hrefOf={(s) => tableHref(BASE, params, { status: s, page: undefined })}
      />

      <FilterPanel
        headingId="peer-filters-heading"
        heading={t("peers.filters.heading")}
        action={BASE}
        params={params}
        hidden={{ status: filter.status }}
        applyLabel={t("peers.filters.apply")}
        clear={hasFilters ? { href: clearHref, label: t("peers.filters.clear") } : undefined}
      >
        <div className="sm:col-span-2">
          <TextField label={t("peers.filters.q")} name="q" type="search" defaultValue={filter.q ?? ""} hint={t("peers.filters.qHint")} maxLength={100} />
        </div>
        {offices.length > 1 && (
          <SelectField
            label={t("peers.fields.office")}
            name="officeId"
            defaultValue={filter.officeId ?? ""}
            placeholder={t("peers.filters.any")}
            options={offices.map((o) => ({ value: o.id, label: o.name }))}
          />
        )}
        <SelectField label={t("peers.filters.training")} name="training" defaultValue={filter.training ?? ""} placeholder={t("peers.filters.any")} options={codeOptions(PEER_TRAINING_LABELS, locale)} />
        <SelectField label={t("peers.filters.purpose")} name="purpose" defaultValue={filter.purpose ?? ""} placeholder={t("peers.filters.any")} options={codeOptions(PEER_PURPOSE_LABELS, locale)} />
        <SelectField
          label={t("peers.filters.region")}
          name="regionId"
          defaultValue={filter.regionId ?? ""}
          placeholder={t("peers.filters.any")}
          options={regions.map((r) => ({ value: r.id, label: r.name }))}
        />
        <SelectField
          label={t("peers.filters.fiscalYear")}
          name="fy"
          defaultValue={filter.fiscalYear ? String(filter.fiscalYear) : ""}
          placeholder={t("peers.filters.allYears")}
          hint={t("peers.filters.fiscalYearHint")}
          options={years.map((fy) => ({ value: String(fy), label: fiscalYearLabel(fy, locale) }))}
        />
        <SelectField
          label={t("peers.filters.size")}
          name="size"
          defaultValue={String(page.pageSize)}
          options={PAGE_SIZES.map((n) => ({ value: String(n), label: t("peers.filters.sizeOption", { n }) }))}
        />
      </FilterPanel>

      <DataTable
        caption={t("peers.list.caption")}
        columns={columns}
        rows={page.rows}
        rowKey={(p) => p.id}
        basePath={BASE}
        searchParams={params}
        sort={{ key: req.sort, dir: req.dir }}
        pagination={{ page: page.page, pageSize: page.pageSize, total: page.total }}
        empty={
          hasFilters || filter.status ? (
            <EmptyState
              title={t("peers.list.emptyFiltered")}
              description={t("peers.list.emptyFilteredBody")}
              action={
                <ButtonLink href={clearHref} variant="secondary">
                  {t("peers.filters.clear")}
                </ButtonLink>
              }
            />
          ) : (
            <EmptyState
              title={t("peers.list.empty")}
              description={canCreate ? t("peers.list.emptyBody") : undefined}
              action={canCreate ? <ButtonLink href="/peers/new">{t("peers.register")}</ButtonLink> : undefined}
            />
          )
        }
      />
    </div>
  );
}
