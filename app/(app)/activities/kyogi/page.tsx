import type { Metadata } from "next";
import Link from "next/link";
import clsx from "clsx";
import { TableRegion } from "@/components/activities/table-region";
import { FilterForm } from "@/components/forms/filter-form";
import { Badge } from "@/components/ui/badge";
import { ButtonLink, focusRing } from "@/components/ui/button";
import { StatCard } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { ExportButtons } from "@/components/export-buttons";
import { getKyogiCoverageForActor } from "@/lib/dal/activity-summaries";
import { getMunicipalStatusTableForActor, listKyogiBodiesForActor, type KyogiBodyRow } from "@/lib/dal/kyogi";
import { getScopeSummaryForActor } from "@/lib/dal/org";
import { requirePermission } from "@/lib/dal/session";
import { can } from "@/lib/auth/permissions";
import { KYOGI_FORM_LABELS, KYOGI_LEVEL_LABELS } from "@/lib/domain/activity-codes";
import { codeOptions } from "@/lib/domain/codes";
import { fiscalYearShortLabel } from "@/lib/domain/fiscal-year";
import { formatDate } from "@/lib/domain/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { kyogiListQuery } from "@/lib/list-queries";
import { clearFiltersHref, loadPageInRange, type RawSearchParams } from "@/lib/list-url";
import { ActivityFilterFields, FilterButtons, FilterSelect, HostFilter, ListFilterFields } from "../_components/list-filters";
import { SummaryPanel } from "../_components/summary-panel";
import { canWriteActivities } from "../_lib/access";
import { readListParams } from "../_lib/params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("activities.kyogi.title") };
}

const BASE = "/activities/kyogi";
const FILTER_KEYS = ["level", "host", "q", "active"] as const;

export default async function KyogiPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("read:activity:reach");
  const t = await getT();
  const locale = await getLocale();
  const list = await readListParams(searchParams);
  const { params } = list;
  const fy = list.summaryYear;
  const offices = getScopeSummaryForActor(actor).offices;
  // The URL's filter and order, read as the export reads them (lib/list-queries.ts).
  const { filter, req, sortChosen } = await kyogiListQuery(actor, params);
  const page = loadPageInRange(req, (r) => listKyogiBodiesForActor(actor, r, filter));
  const coverage = getKyogiCoverageForActor(actor, { fiscalYear: fy });
  const status = getMunicipalStatusTableForActor(actor, fy);
  const fyLabel = fiscalYearShortLabel(fy, locale);
  const canCreate = canWriteActivities(actor);
  const canEditStatus = can(actor.role, "write:prefecture-activity:prefecture");
  const hasFilters = !!(filter.level || filter.host || filter.q || filter.activeOnly);
  const none = t("activities.common.notRecorded");

  const columns: Column<KyogiBodyRow>[] = [
    { key: "level", header: t("activities.kyogi.columns.level"), sortable: true, cell: (b) => <span className="whitespace-nowrap">{KYOGI_LEVEL_LABELS[b.level][locale]}</span> },
    {
      key: "name",
      header: t("activities.kyogi.columns.name"),
      sortable: true,
      cell: (b) =>
        b.canEdit ? (
          <Link href={`${BASE}/bodies/${b.id}/edit`} className={clsx("block min-w-40 rounded-sm font-medium text-brand-800 underline underline-offset-2 hover:text-brand-900", focusRing)}>
            {b.name}
          </Link>
        ) : (
          <span className="block min-w-40 font-medium">{b.name}</span>
        ),
    },
    { key: "place", header: t("activities.kyogi.columns.place"), cell: (b) => <span className="block min-w-20">{b.municipalityName ?? b.regionName ?? "—"}</span> },
    { key: "host", header: t("activities.kyogi.columns.host"), sortable: true, cell: (b) => <span className="block min-w-24">{b.officeName ?? t("activities.common.prefecture")}</span> },
    { key: "established", header: t("activities.kyogi.columns.established"), sortable: true, cell: (b) => <span className="whitespace-nowrap tabular-nums">{b.establishedOn ? formatDate(b.establishedOn, locale) : none}</span> },
    { key: "sessions", header: t("activities.kyogi.columns.sessions", { fy: fyLabel }), sortable: true, align: "right", cell: (b) => t("activities.common.times", { n: b.sessions }) },
    { key: "status", header: t("activities.kyogi.columns.status"), cell: (b) => <Badge tone={b.active ? "success" : "neutral"}>{t(b.active ? "activities.kyogi.active" : "activities.kyogi.inactive")}</Badge> },
  ];
  const newButton = canCreate ? <ButtonLink href={`${BASE}/bodies/new`}>{t("activities.kyogi.new")}</ButtonLink> : undefined;

  return (
    <div className="space-y-5">
      <PageHeader title={t("activities.kyogi.title")} description={t("activities.kyogi.description")} actions={newButton} />
      <ExportButtons list="kyogi" query={params} />

      <SummaryPanel id="kyogi-coverage-heading" title={t("activities.kyogi.coverage.title", { fy: fyLabel })} className="space-y-3">
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
          <StatCard
            label={t("activities.kyogi.coverage.municipalities")}
            value={t("activities.kyogi.coverage.ratio", { covered: coverage.municipalities.covered, total: coverage.municipalities.total })}
            hint={coverage.municipalities.total - coverage.municipalitiesRecorded > 0 ? t("activities.kyogi.coverage.municipalitiesHint", { n: coverage.municipalities.total - coverage.municipalitiesRecorded }) : undefined}
          />
          <StatCard
            label={t("activities.kyogi.coverage.regions")}
            value={t("activities.kyogi.coverage.ratio", { covered: coverage.regions.covered, total: coverage.regions.total })}
            hint={t("activities.kyogi.coverage.regionsHint", { n: coverage.regionBodies })}
          />
          <StatCard label={t("activities.kyogi.coverage.prefecture")} value={t("activities.kyogi.coverage.count", { n: coverage.prefectureBodies })} />
        </div>
      </SummaryPanel>

      <section aria-labelledby="kyogi-registry-heading" className="space-y-3">
        <h2 id="kyogi-registry-heading" className="text-lg font-semibold text-slate-900">
          {t("activities.kyogi.registryTitle")}
        </h2>
        <div className="rounded-md border border-slate-300 bg-white p-4 shadow-sm">
          <FilterForm key={list.formKey} action={BASE} label={t("activities.common.filters.heading")}>
            {sortChosen && <input type="hidden" name="sort" value={req.sort} />}
            {sortChosen && <input type="hidden" name="dir" value={req.dir} />}
            <ListFilterFields>
              {/* The year only counts each body's sessions; a body is listed whatever the year. */}
              <ActivityFilterFields t={t} locale={locale} list={{ ...list, fiscalYear: fy }} base={BASE} q={filter.q} pageSize={page.pageSize}>
                <FilterSelect label={t("activities.kyogi.filters.level")} name="level" value={filter.level} any={t("activities.common.any")} options={codeOptions(KYOGI_LEVEL_LABELS, locale)} />
                <HostFilter t={t} label={t("activities.kyogi.filters.host")} value={filter.host} offices={offices} />
                <SelectField
                  label={t("activities.kyogi.filters.activeOnly")}
                  name="active"
                  defaultValue={filter.activeOnly ? "1" : ""}
                  placeholder={t("activities.common.any")}
                  options={[{ value: "1", label: t("activities.kyogi.active") }]}
                />
              </ActivityFilterFields>
            </ListFilterFields>
            <FilterButtons t={t} clearHref={hasFilters ? clearFiltersHref(BASE, params, FILTER_KEYS) : undefined} />
          </FilterForm>
        </div>
        <DataTable
          caption={t("activities.kyogi.caption")}
          columns={columns}
          rows={page.rows}
          rowKey={(b) => b.id}
          basePath={BASE}
          searchParams={params}
          sort={{ key: req.sort, dir: req.dir }}
          pagination={{ page: page.page, pageSize: page.pageSize, total: page.total }}
          empty={<EmptyState title={hasFilters ? t("activities.common.empty.filteredTitle") : t("activities.common.empty.noneTitle")} action={newButton} />}
        />
      </section>

      <section aria-labelledby="kyogi-status-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="kyogi-status-heading" className="text-lg font-semibold text-slate-900">
            {t("activities.kyogi.statusTitle", { fy: fyLabel })}
          </h2>
          {canEditStatus && <ButtonLink href={`${BASE}/status?fy=${fy}`}>{t("activities.kyogi.statusEdit")}</ButtonLink>}
        </div>
        <p className="text-sm text-slate-700">{canEditStatus ? t("activities.kyogi.statusLead") : t("activities.kyogi.statusReadOnly")}</p>
        {status.rows.every((r) => !r.recorded) ? (
          <EmptyState title={t("activities.kyogi.statusEmpty")} />
        ) : (
          <TableRegion label={t("activities.kyogiStatus.caption")}>
            <table className="min-w-full border-collapse text-sm" data-testid="municipal-status">
              <caption className="sr-only">{t("activities.kyogiStatus.caption")}</caption>
              <thead className="bg-slate-100">
                <tr>
                  {(["municipality", "office", "exists", "form", "established", "meetings"] as const).map((c) => (
                    <th key={c} scope="col" className="px-3 py-2 text-left text-xs font-semibold whitespace-nowrap text-slate-700">
                      {t(`activities.kyogiStatus.columns.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {status.rows.map((r) => (
                  <tr key={r.code} className="border-t border-slate-200 even:bg-slate-50">
                    <th scope="row" className="px-3 py-1.5 text-left font-medium whitespace-nowrap">
                      {r.name}
                    </th>
                    <td className="px-3 py-1.5 whitespace-nowrap text-slate-700">{r.officeName}</td>
                    <td className="px-3 py-1.5">
                      {!r.values ? <span className="text-slate-600">{none}</span> : r.values.exists ? <Badge tone="success">{t("activities.common.yes")}</Badge> : <Badge tone="warning">{t("activities.kyogiStatus.notSet")}</Badge>}
                    </td>
                    <td className="px-3 py-1.5 whitespace-nowrap">{r.values?.form ? KYOGI_FORM_LABELS[r.values.form][locale] : "—"}</td>
                    <td className="px-3 py-1.5 whitespace-nowrap tabular-nums">{r.values?.establishedOn ? formatDate(r.values.establishedOn, locale) : "—"}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{r.values?.meetingsHeld ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
      </section>
    </div>
  );
}
