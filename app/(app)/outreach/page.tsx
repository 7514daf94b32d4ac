import type { Metadata } from "next";
import Link from "next/link";
import clsx from "clsx";
import { FiscalYearFilter, ListEmptyState, ListScopeTabs } from "@/components/cases/caseload-lists";
import { FilterPanel } from "@/components/forms/filter-panel";
import { OutreachStatusBadge } from "@/components/outreach/status-badge";
import { OutreachYearSummaryPanel } from "@/components/outreach/year-summary";
import { ButtonLink, focusRing } from "@/components/ui/button";
import { CountChips } from "@/components/ui/count-chip";
import { DataTable, type Column } from "@/components/ui/data-table";
import { SelectField, TextField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { ExportButtons } from "@/components/export-buttons";
import { mayExportIdentity } from "@/lib/dal/exports";
import { can } from "@/lib/auth/permissions";
import { listCaseStaffForActor } from "@/lib/dal/cases";
import { listOutreachCasesForActor, type OutreachListRow } from "@/lib/dal/outreach-list";
import { getOutreachYearSummaryForActor } from "@/lib/dal/outreach-summary";
import { requirePermission } from "@/lib/dal/session";
import { codeOptions } from "@/lib/domain/codes";
import { formatDate } from "@/lib/domain/format";
import { OUTREACH_STATUS_LABELS, OUTREACH_STATUSES, OUTREACH_TARGET_LABELS, OUTREACH_TEAM_KIND_LABELS } from "@/lib/domain/outreach-codes";
import { getLocale, getT } from "@/lib/i18n/server";
import { outreachListQuery } from "@/lib/list-queries";
import { clearFiltersHref, firstValues, loadPageInRange, PAGE_SIZES, type RawSearchParams, tableHref } from "@/lib/list-url";
import { fiscalYearOptions, getSelectedFiscalYear } from "@/lib/preferences";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("outreach.title") };
}

const BASE = "/outreach";
/** The filter parameters of the URL; clearing the filters removes exactly these. */
const FILTER_KEYS = ["status", "target", "coordinatorId", "teamKind", "fy", "q", "closed"] as const;

/**
 * The outreach referrals of the actor's offices: "mine" or the whole office, filters in the URL
 * (ADR 0011), server-side sorting and paging, counts per status, and the header year's figures.
 * The prefecture role and admins get the 404 of requirePermission.
 */
export default async function OutreachListPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("read:outreach:reach");
  const t = await getT();
  const locale = await getLocale();
  const params = firstValues(await searchParams);

  // The URL's filter and order, read as the export reads them (lib/list-queries.ts).
  const { filter, req, sortChosen, includeClosed, scope } = outreachListQuery(actor, params);
  const status = filter.status;
  const years = fiscalYearOptions();
  const page = loadPageInRange(req, (r) => listOutreachCasesForActor(actor, r, filter));

  const headerYear = await getSelectedFiscalYear();
  const summary = getOutreachYearSummaryForActor(actor, headerYear);
  const staff = scope === "office" ? listCaseStaffForActor(actor) : [];
  const canWrite = can(actor.role, "write:outreach:reach");

  const hasFilters = !!(includeClosed || filter.target || filter.coordinatorId || filter.teamKind || filter.fiscalYear || filter.q);
  const scopeLabel = t(scope === "mine" ? "outreach.list.scope.mine" : "outreach.list.scope.office");
  const clearHref = clearFiltersHref(BASE, params, FILTER_KEYS);
  const linkClass = clsx("rounded-sm font-medium whitespace-nowrap text-brand-800 underline underline-offset-2 hover:text-brand-900", focusRing);

  const columns: Column<OutreachListRow>[] = [
    {
      key: "caseNo",
      header: t("outreach.list.columns.caseNo"),
      sortable: true,
      cell: (c) => (
        <Link href={`/outreach/${c.id}`} className={linkClass}>
          {c.caseNo}
        </Link>
      ),
    },
    {
      key: "kana",
      header: t("outreach.list.columns.name"),
      sortable: true,
      cell: (c) => (
        <span className="flex min-w-32 flex-col">
          <span className="font-medium">{c.name}</span>
          <span className="text-xs text-slate-600">{c.kana}</span>
        </span>
      ),
    },
    { key: "status", header: t("outreach.list.columns.status"), sortable: true, cell: (c) => <OutreachStatusBadge status={c.status} locale={locale} /> },
    { key: "target", header: t("outreach.list.columns.target"), cell: (c) => <span className="block min-w-24">{OUTREACH_TARGET_LABELS[c.primaryTarget][locale]}</span> },
    {
      key: "team",
      header: t("outreach.list.columns.team"),
      cell: (c) => (
        <span className="flex min-w-40 flex-col">
          <span>{c.teamName}</span>
          <span className="text-xs text-slate-600">{OUTREACH_TEAM_KIND_LABELS[c.teamKind][locale]}</span>
        </span>
      ),
    },
    { key: "office", header: t("outreach.list.columns.office"), cell: (c) => <span className="block min-w-24">{c.officeName}</span> },
    { key: "coordinator", header: t("outreach.list.columns.coordinator"), cell: (c) => <span className="whitespace-nowrap">{c.coordinatorName}</span> },
    {
      key: "referralDate",
      header: t("outreach.list.columns.referralDate"),
      sortable: true,
      cell: (c) => <span className="whitespace-nowrap tabular-nums">{formatDate(c.referralDate, locale)}</span>,
    },
    {
      key: "lastContactDate",
      header: t("outreach.list.columns.lastContact"),
      sortable: true,
      cell: (c) => <span className="whitespace-nowrap tabular-nums">{c.lastContactDate ? formatDate(c.lastContactDate, locale) : t("outreach.list.noContact")}</span>,
    },
    ...(canWrite
      ? [
          {
            key: "log",
            header: t("outreach.list.columns.log"),
            // Straight to the case page with the cursor in the contact form's date field.
            cell: (c: OutreachListRow) =>
              c.status === "closed" ? (
                <span className="sr-only">—</span>
              ) : (
                <Link href={`/outreach/${c.id}#log-contact`} aria-label={t("outreach.list.logLabel", { caseNo: c.caseNo })} className={linkClass}>
                  {t("outreach.list.log")}
                </Link>
              ),
          },
        ]
      : []),
  ];

  const empty = (
    <ListEmptyState
      messages="outreach.list"
      t={t}
      filtered={hasFilters}
      scope={scope}
      clearHref={clearHref}
      officeHref={tableHref(BASE, params, { scope: "office", page: undefined })}
      newHref={canWrite ? "/outreach/new" : undefined}
    />
  );

  return (
    <div className="space-y-5">
      <PageHeader
        title={t("outreach.title")}
        description={t("outreach.list.description")}
        actions={canWrite ? <ButtonLink href="/outreach/new">{t("outreach.list.newCase")}</ButtonLink> : undefined}
      />
      <ExportButtons list="outreach" query={params} identity={mayExportIdentity(actor)} />

      <ListScopeTabs messages="outreach.list" t={t} basePath={BASE} params={params} scope={scope} />

      <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm text-slate-700" data-testid="closed-switch">
        <span>{t(includeClosed ? "listSwitch.outreach.showingAll" : "listSwitch.outreach.showOpen")}</span>
        <Link
          href={tableHref(BASE, params, { closed: includeClosed ? undefined : "1", status: includeClosed && status === "closed" ? undefined : params.status, page: undefined })}
          className={clsx("rounded-sm text-brand-800 underline underline-offset-2 hover:text-brand-900", focusRing)}
        >
          {t(includeClosed ? "listSwitch.outreach.openOnly" : "listSwitch.outreach.includeClosed")}
        </Link>
      </p>

      <CountChips
        label={t("outreach.list.statusCounts.label")}
        allLabel={t("outreach.list.statusCounts.all")}
        codes={includeClosed ? OUTREACH_STATUSES : OUTREACH_STATUSES.filter((s) => s !== "closed")}
        counts={page.statusCounts}
        current={filter.status}
        labelOf={(s) => OUTREACH_STATUS_LABELS[s][locale]}
        hrefOf={(s) => tableHref(BASE, params, { status: s, page: undefined })}
      />

      <FilterPanel
        headingId="outreach-filters-heading"
        heading={t("outreach.list.filters.heading")}
        action={BASE}
        params={params}
        hidden={{ scope, closed: params.closed === "1" ? "1" : undefined, sort: sortChosen ? req.sort : undefined, dir: sortChosen ? req.dir : undefined }}
        applyLabel={t("outreach.list.filters.apply")}
        clear={hasFilters ? { href: clearHref, label: t("outreach.list.filters.clear") } : undefined}
      >
        <div className="sm:col-span-2">
          <TextField label={t("outreach.list.filters.q")} name="q" type="search" defaultValue={filter.q ?? ""} hint={t("outreach.list.filters.qHint")} maxLength={100} />
        </div>
        <SelectField
          label={t("outreach.list.filters.status")}
          name="status"
          defaultValue={filter.status ?? ""}
          placeholder={t("outreach.list.filters.any")}
          options={codeOptions(OUTREACH_STATUS_LABELS, locale)}
        />
        <SelectField
          label={t("outreach.list.filters.target")}
          name="target"
          defaultValue={filter.target ?? ""}
          placeholder={t("outreach.list.filters.any")}
          options={codeOptions(OUTREACH_TARGET_LABELS, locale)}
        />
        <SelectField
          label={t("outreach.list.filters.teamKind")}
          name="teamKind"
          defaultValue={filter.teamKind ?? ""}
          placeholder={t("outreach.list.filters.any")}
          options={codeOptions(OUTREACH_TEAM_KIND_LABELS, locale)}
        />
        {scope === "office" && (
          <SelectField
            label={t("outreach.list.filters.coordinator")}
            name="coordinatorId"
            defaultValue={filter.coordinatorId ?? ""}
            placeholder={t("outreach.list.filters.any")}
            options={staff.map((s) => ({ value: s.id, label: s.name }))}
          />
        )}
        <FiscalYearFilter
          messages="outreach.list"
          t={t}
          locale={locale}
          years={years}
          value={filter.fiscalYear}
          headerYear={headerYear}
          headerYearHref={tableHref(BASE, params, { fy: String(headerYear), page: undefined })}
        />
        <SelectField
          label={t("outreach.list.filters.size")}
          name="size"
          defaultValue={String(page.pageSize)}
          options={PAGE_SIZES.map((n) => ({ value: String(n), label: t("outreach.list.filters.sizeOption", { n }) }))}
        />
      </FilterPanel>

      <DataTable
        caption={t("outreach.list.caption", { scope: scopeLabel })}
        columns={columns}
        rows={page.rows}
        rowKey={(c) => c.id}
        basePath={BASE}
        searchParams={params}
        sort={{ key: req.sort, dir: req.dir }}
        pagination={{ page: page.page, pageSize: page.pageSize, total: page.total }}
        empty={empty}
      />

      {/* After the list: coordinators come here to find a case; the year's figures are for a look after. */}
      <OutreachYearSummaryPanel summary={summary} locale={locale} />
    </div>
  );
}
