import type { Metadata } from "next";
import Link from "next/link";
import clsx from "clsx";
import { FiscalYearFilter, ListEmptyState, ListScopeTabs } from "@/components/cases/caseload-lists";
import { PhaseBadge } from "@/components/cases/phase-badge";
import { FilterPanel } from "@/components/forms/filter-panel";
import { Badge } from "@/components/ui/badge";
import { CountChips } from "@/components/ui/count-chip";
import { ButtonLink, focusRing } from "@/components/ui/button";
import { DataTable, type Column } from "@/components/ui/data-table";
import { SelectField, TextField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { ExportButtons } from "@/components/export-buttons";
import { mayExportIdentity } from "@/lib/dal/exports";
import { can } from "@/lib/auth/permissions";
import { listCaseStaffForActor } from "@/lib/dal/cases";
import { CASE_FLAGS, listCasesForActor, type CaseFlag, type CaseListRow } from "@/lib/dal/case-list";
import { listTransferredOut } from "@/lib/dal/case-transfers";
import { listHospitalsForActor } from "@/lib/dal/hospitals";
import { requirePermission } from "@/lib/dal/session";
import { PHASE_LABELS, PHASES } from "@/lib/domain/case-codes";
import { codeOptions } from "@/lib/domain/codes";
import { formatDate } from "@/lib/domain/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { caseListQuery } from "@/lib/list-queries";
import { clearFiltersHref, firstValues, loadPageInRange, PAGE_SIZES, type RawSearchParams, tableHref } from "@/lib/list-url";
import { fiscalYearOptions, getSelectedFiscalYear } from "@/lib/preferences";
import { TransferredOutSection } from "../transfers/_components/transferred-out";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("caseList.title") };
}

const BASE = "/cases";
/** The filter parameters of the URL; clearing the filters removes exactly these. */
const FILTER_KEYS = ["phase", "coordinatorId", "hospitalId", "fy", "flag", "q", "closed"] as const;

export default async function CasesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("read:case:reach");
  const t = await getT();
  const locale = await getLocale();
  const params = firstValues(await searchParams);

  // The URL's filter and order, read as the export reads them (lib/list-queries.ts).
  const { filter, req, sortChosen, includeClosed, scope } = caseListQuery(actor, params);
  const phase = filter.phase;
  const years = fiscalYearOptions();
  const page = loadPageInRange(req, (r) => listCasesForActor(actor, r, filter));

  const staff = scope === "office" ? listCaseStaffForActor(actor) : [];
  const hospitals = listHospitalsForActor(actor, { includeInactive: true });
  const headerYear = await getSelectedFiscalYear();
  const canCreate = can(actor.role, "write:case:reach");

  const hasFilters = !!(includeClosed || filter.coordinatorId || filter.hospitalId || filter.fiscalYear || filter.flag || filter.q);
  const scopeLabel = t(scope === "mine" ? "caseList.scope.mine" : "caseList.scope.office");
  const clearHref = clearFiltersHref(BASE, params, FILTER_KEYS);

  const columns: Column<CaseListRow>[] = [
    {
      key: "caseNo",
      header: t("caseList.columns.caseNo"),
      sortable: true,
      cell: (c) => (
        <Link
          href={`/cases/${c.id}`}
          className={clsx("rounded-sm font-medium whitespace-nowrap text-brand-800 underline underline-offset-2 hover:text-brand-900", focusRing)}
        >
          {c.caseNo}
        </Link>
      ),
    },
    {
      key: "kana",
      header: t("caseList.columns.name"),
      sortable: true,
      cell: (c) => (
        <span className="flex min-w-32 flex-col">
          <span className="font-medium">{c.name}</span>
          <span className="text-xs text-slate-600">{c.kana}</span>
        </span>
      ),
    },
    { key: "phase", header: t("caseList.columns.phase"), sortable: true, cell: (c) => <PhaseBadge phase={c.phase} locale={locale} /> },
    { key: "office", header: t("caseList.columns.office"), cell: (c) => <span className="block min-w-24">{c.officeName}</span> },
    { key: "coordinator", header: t("caseList.columns.coordinator"), cell: (c) => <span className="whitespace-nowrap">{c.coordinatorName}</span> },
    { key: "hospital", header: t("caseList.columns.hospital"), cell: (c) => <span className="block min-w-32">{c.hospitalName}</span> },
    {
      key: "referralDate",
      header: t("caseList.columns.referralDate"),
      sortable: true,
      cell: (c) => <span className="whitespace-nowrap tabular-nums">{formatDate(c.referralDate, locale)}</span>,
    },
    {
      key: "lastActivityDate",
      header: t("caseList.columns.lastActivity"),
      sortable: true,
      cell: (c) => (
        <span className="whitespace-nowrap tabular-nums">{c.lastActivityDate ? formatDate(c.lastActivityDate, locale) : t("caseList.noActivity")}</span>
      ),
    },
    { key: "warnings", header: t("caseList.columns.warnings"), cell: (c) => <Warnings row={c} t={t} /> },
  ];

  const empty = (
    <ListEmptyState
      messages="caseList"
      t={t}
      filtered={hasFilters}
      scope={scope}
      clearHref={clearHref}
      officeHref={tableHref(BASE, params, { scope: "office", page: undefined })}
      newHref={canCreate ? "/cases/new" : undefined}
    />
  );

  return (
    <div className="space-y-5">
      <PageHeader
        title={t("caseList.title")}
        description={t("caseList.description")}
        actions={canCreate ? <ButtonLink href="/cases/new">{t("caseList.newCase")}</ButtonLink> : undefined}
      />
      <ExportButtons list="cases" query={params} identity={mayExportIdentity(actor)} />

      <ListScopeTabs messages="caseList" t={t} basePath={BASE} params={params} scope={scope} />

      <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm text-slate-700" data-testid="closed-switch">
        <span>{t(includeClosed ? "caseList.closed.showingAll" : "caseList.closed.showOpen")}</span>
        <Link
          href={tableHref(BASE, params, { closed: includeClosed ? undefined : "1", phase: includeClosed && phase === "closed" ? undefined : params.phase, page: undefined })}
          className={clsx("rounded-sm text-brand-800 underline underline-offset-2 hover:text-brand-900", focusRing)}
        >
          {t(includeClosed ? "caseList.closed.openOnly" : "caseList.closed.includeClosed")}
        </Link>
      </p>

      <CountChips
        label={t("caseList.phaseCounts.label")}
        allLabel={t("caseList.phaseCounts.all")}
        codes={includeClosed ? PHASES : PHASES.filter((p) => p !== "closed")}
        counts={page.phaseCounts}
        current={filter.phase}
        labelOf={(p) => PHASE_LABELS[p][locale]}
        hrefOf={(p) => tableHref(BASE, params, { phase: p, page: undefined })}
      />

      <FilterPanel
        headingId="case-filters-heading"
        heading={t("caseList.filters.heading")}
        action={BASE}
        params={params}
        hidden={{ scope, closed: params.closed === "1" ? "1" : undefined, sort: sortChosen ? req.sort : undefined, dir: sortChosen ? req.dir : undefined }}
        applyLabel={t("caseList.filters.apply")}
        clear={hasFilters ? { href: clearHref, label: t("caseList.filters.clear") } : undefined}
      >
        <div className="sm:col-span-2">
          <TextField label={t("caseList.filters.q")} name="q" type="search" defaultValue={filter.q ?? ""} hint={t("caseList.filters.qHint")} maxLength={100} />
        </div>
        <SelectField
          label={t("caseList.filters.phase")}
          name="phase"
          defaultValue={filter.phase ?? ""}
          placeholder={t("caseList.filters.any")}
          options={codeOptions(PHASE_LABELS, locale)}
        />
        <SelectField
          label={t("caseList.filters.flag")}
          name="flag"
          defaultValue={filter.flag ?? ""}
          placeholder={t("caseList.filters.any")}
          options={CASE_FLAGS.map((f) => ({ value: f, label: t(`caseList.flags.${f}`) }))}
        />
        {scope === "office" && (
          <SelectField
            label={t("caseList.filters.coordinator")}
            name="coordinatorId"
            defaultValue={filter.coordinatorId ?? ""}
            placeholder={t("caseList.filters.any")}
            options={staff.map((s) => ({ value: s.id, label: s.name }))}
          />
        )}
        <SelectField
          label={t("caseList.filters.hospital")}
          name="hospitalId"
          defaultValue={filter.hospitalId ?? ""}
          placeholder={t("caseList.filters.any")}
          options={hospitals.map((h) => ({ value: h.id, label: h.active ? h.name : t("caseList.filters.inactiveHospital", { name: h.name }) }))}
        />
        <FiscalYearFilter
          messages="caseList"
          t={t}
          locale={locale}
          years={years}
          value={filter.fiscalYear}
          headerYear={headerYear}
          headerYearHref={tableHref(BASE, params, { fy: String(headerYear), page: undefined })}
        />
        <SelectField
          label={t("caseList.filters.size")}
          name="size"
          defaultValue={String(page.pageSize)}
          options={PAGE_SIZES.map((n) => ({ value: String(n), label: t("caseList.filters.sizeOption", { n }) }))}
        />
      </FilterPanel>

      <DataTable
        caption={t("caseList.caption", { scope: scopeLabel })}
        columns={columns}
        rows={page.rows}
        rowKey={(c) => c.id}
        basePath={BASE}
        searchParams={params}
        sort={{ key: req.sort, dir: req.dir }}
        pagination={{ page: page.page, pageSize: page.pageSize, total: page.total }}
        empty={empty}
      />

      {/* Cases handed to another office (転出, ADR 0032): listed without a link. */}
      <TransferredOutSection rows={listTransferredOut(actor)} t={t} locale={locale} />
    </div>
  );
}

const WARNING_FLAGS: { flag: CaseFlag; on: (r: CaseListRow) => boolean; tone: "danger" | "warning" }[] = [
  { flag: "overdue_follow_up", on: (r) => r.overdueFollowUp, tone: "danger" },
  { flag: "overdue_review", on: (r) => r.overdueReview, tone: "danger" },
  { flag: "stale", on: (r) => r.stale, tone: "warning" },
  { flag: "no_consent", on: (r) => r.noConsent, tone: "warning" },
];

function Warnings({ row, t }: { row: CaseListRow; t: Awaited<ReturnType<typeof getT>> }) {
  const on = WARNING_FLAGS.filter((w) => w.on(row));
  if (on.length === 0) return <span className="text-slate-600">{t("caseList.noWarnings")}</span>;
  return (
    <ul className="flex min-w-36 flex-col items-start gap-1">
      {on.map((w) => (
        <li key={w.flag}>
          <Badge tone={w.tone}>{t(`caseList.flags.${w.flag}`)}</Badge>
        </li>
      ))}
    </ul>
  );
}
