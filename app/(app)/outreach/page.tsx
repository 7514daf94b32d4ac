import type { Metadata } from "next";
import Link from "next/link";
import clsx from "clsx";
import { FilterForm } from "@/components/forms/filter-form";
import { OutreachStatusBadge } from "@/components/outreach/status-badge";
import { OutreachYearSummaryPanel } from "@/components/outreach/year-summary";
import { Button, ButtonLink, focusRing } from "@/components/ui/button";
import { CountChips } from "@/components/ui/count-chip";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField, TextField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { TabNav } from "@/components/ui/tab-nav";
import { tableHref } from "@/components/ui/table-href";
import { can } from "@/lib/auth/permissions";
import { listCaseStaffForActor } from "@/lib/dal/cases";
import { listOutreachCasesForActor, OUTREACH_SORT_KEYS, type OutreachFilter, type OutreachListRow } from "@/lib/dal/outreach";
import { getOutreachYearSummaryForActor } from "@/lib/dal/outreach-summary";
import { PAGE_SIZES, parsePageRequest } from "@/lib/dal/pagination";
import { requirePermission } from "@/lib/dal/session";
import { codeOptions } from "@/lib/domain/codes";
import { fiscalYearLabel, fiscalYearShortLabel } from "@/lib/domain/fiscal-year";
import { formatDate } from "@/lib/domain/format";
import { OUTREACH_STATUS_LABELS, OUTREACH_STATUSES, OUTREACH_TARGET_LABELS, OUTREACH_TARGETS, OUTREACH_TEAM_KIND_LABELS, OUTREACH_TEAM_KINDS } from "@/lib/domain/outreach-codes";
import { getLocale, getT } from "@/lib/i18n/server";
import { fiscalYearOptions, getSelectedFiscalYear } from "@/lib/preferences";
import { firstValues, type RawSearchParams } from "@/lib/search-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("outreach.title") };
}

const BASE = "/outreach";
const SCOPES = ["mine", "office"] as const;
type Scope = (typeof SCOPES)[number];
/** The filter parameters of the URL; clearing the filters removes exactly these. */
const FILTER_KEYS = ["status", "target", "coordinatorId", "teamKind", "fy", "q"] as const;

function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return (values as readonly string[]).includes(value ?? "") ? (value as T) : undefined;
}

/**
 * The outreach referrals of the actor's offices: "mine" or the whole office, filters in the URL
 * (ADR 0011), server-side sorting and paging, counts per status, and the header year's figures.
 * The prefecture role and admins get the 404 of requirePermission.
 */
export default async function OutreachListPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("read:identity:reach");
  const t = await getT();
  const locale = await getLocale();
  const params = firstValues(await searchParams);

  const scope: Scope = oneOf(SCOPES, params.scope) ?? (actor.role === "supervisor" ? "office" : "mine");
  const years = fiscalYearOptions();
  const fyParam = Number(params.fy);
  const filter: OutreachFilter = {
    mine: scope === "mine",
    status: oneOf(OUTREACH_STATUSES, params.status),
    target: oneOf(OUTREACH_TARGETS, params.target),
    coordinatorId: scope === "office" ? params.coordinatorId || undefined : undefined,
    teamKind: oneOf(OUTREACH_TEAM_KINDS, params.teamKind),
    fiscalYear: years.includes(fyParam) ? fyParam : undefined,
    q: params.q?.trim().slice(0, 100) || undefined,
  };
  // Newest referrals first unless the user picked a column.
  const sortChosen = !!oneOf(OUTREACH_SORT_KEYS, params.sort);
  const parsed = parsePageRequest(params, OUTREACH_SORT_KEYS, "referralDate");
  const req = sortChosen ? parsed : { ...parsed, dir: "desc" as const };

  let page = listOutreachCasesForActor(actor, req, filter);
  const lastPage = Math.max(1, Math.ceil(page.total / page.pageSize));
  // A bookmarked page number beyond the end (the list shrank) lands on the last page.
  if (page.rows.length === 0 && page.total > 0 && req.page > lastPage) page = listOutreachCasesForActor(actor, { ...req, page: lastPage }, filter);

  const headerYear = await getSelectedFiscalYear();
  const summary = getOutreachYearSummaryForActor(actor, headerYear);
  const staff = scope === "office" ? listCaseStaffForActor(actor) : [];
  const canWrite = can(actor.role, "write:case:reach");

  const hasFilters = !!(filter.status || filter.target || filter.coordinatorId || filter.teamKind || filter.fiscalYear || filter.q);
  const scopeLabel = t(scope === "mine" ? "outreach.list.scope.mine" : "outreach.list.scope.office");
  const clearHref = tableHref(BASE, params, { ...Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined])), page: undefined });
  // Remount the form whenever the URL changes, so its uncontrolled fields show what the URL says.
  const formKey = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1])).toString();
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

  const empty = hasFilters ? (
    <EmptyState
      title={t("outreach.list.empty.filteredTitle")}
      description={t("outreach.list.empty.filteredBody")}
      action={
        <ButtonLink href={clearHref} variant="secondary">
          {t("outreach.list.empty.clear")}
        </ButtonLink>
      }
    />
  ) : scope === "mine" ? (
    <EmptyState
      title={t("outreach.list.empty.mineTitle")}
      description={t("outreach.list.empty.mineBody")}
      action={
        <ButtonLink href={tableHref(BASE, params, { scope: "office", page: undefined })} variant="secondary">
          {t("outreach.list.empty.showOffice")}
        </ButtonLink>
      }
    />
  ) : (
    <EmptyState
      title={t("outreach.list.empty.noneTitle")}
      description={canWrite ? t("outreach.list.empty.noneBody") : undefined}
      action={canWrite ? <ButtonLink href="/outreach/new">{t("outreach.list.newCase")}</ButtonLink> : undefined}
    />
  );

  return (
    <div className="space-y-5">
      <PageHeader
        title={t("outreach.title")}
        description={t("outreach.list.description")}
        actions={canWrite ? <ButtonLink href="/outreach/new">{t("outreach.list.newCase")}</ButtonLink> : undefined}
      />

      <TabNav
        label={t("outreach.list.scope.label")}
        current={scope}
        tabs={SCOPES.map((s) => ({
          key: s,
          href: tableHref(BASE, params, { scope: s, page: undefined, ...(s === "mine" ? { coordinatorId: undefined } : {}) }),
          label: t(s === "mine" ? "outreach.list.scope.mine" : "outreach.list.scope.office"),
        }))}
      />

      <CountChips
        label={t("outreach.list.statusCounts.label")}
        allLabel={t("outreach.list.statusCounts.all")}
        codes={OUTREACH_STATUSES}
        counts={page.statusCounts}
        current={filter.status}
        labelOf={(s) => OUTREACH_STATUS_LABELS[s][locale]}
        hrefOf={(s) => tableHref(BASE, params, { status: s, page: undefined })}
      />

      <section aria-labelledby="outreach-filters-heading" className="rounded-md border border-slate-300 bg-white p-4 shadow-sm">
        <h2 id="outreach-filters-heading" className="mb-3 text-base font-semibold text-slate-900">
          {t("outreach.list.filters.heading")}
        </h2>
        <FilterForm key={formKey} action={BASE} label={t("outreach.list.filters.heading")}>
          <input type="hidden" name="scope" value={scope} />
          {sortChosen && <input type="hidden" name="sort" value={req.sort} />}
          {sortChosen && <input type="hidden" name="dir" value={req.dir} />}
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">
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
            <div className="space-y-1">
              <SelectField
                label={t("outreach.list.filters.fiscalYear")}
                name="fy"
                defaultValue={filter.fiscalYear ? String(filter.fiscalYear) : ""}
                placeholder={t("outreach.list.filters.allYears")}
                hint={t("outreach.list.filters.fiscalYearHint")}
                options={years.map((fy) => ({ value: String(fy), label: fiscalYearLabel(fy, locale) }))}
              />
              {filter.fiscalYear !== headerYear && (
                <Link href={tableHref(BASE, params, { fy: String(headerYear), page: undefined })} className={clsx("inline-block rounded-sm text-sm text-brand-800 underline underline-offset-2 hover:text-brand-900", focusRing)}>
                  {t("outreach.list.filters.useHeaderYear", { fy: fiscalYearShortLabel(headerYear, locale) })}
                </Link>
              )}
            </div>
            <SelectField
              label={t("outreach.list.filters.size")}
              name="size"
              defaultValue={String(page.pageSize)}
              options={PAGE_SIZES.map((n) => ({ value: String(n), label: t("outreach.list.filters.sizeOption", { n }) }))}
            />
          </div>
          <div className="mt-4 flex flex-wrap items-center gap-4">
            <Button type="submit">{t("outreach.list.filters.apply")}</Button>
            {hasFilters && (
              <Link href={clearHref} className={clsx("rounded-sm text-sm text-brand-800 underline underline-offset-2 hover:text-brand-900", focusRing)}>
                {t("outreach.list.filters.clear")}
              </Link>
            )}
          </div>
        </FilterForm>
      </section>

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
