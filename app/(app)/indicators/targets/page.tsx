import type { Metadata } from "next";
import Link from "next/link";
import clsx from "clsx";
import { TableRegion } from "@/components/activities/table-region";
import { ExportButtons } from "@/components/export-buttons";
import { FilterPanel } from "@/components/forms/filter-panel";
import { ButtonLink, focusRing } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { thClass, tdClass } from "@/components/ui/table-region";
import { listTargetsForActor, type TargetRow } from "@/lib/dal/indicator-targets";
import { fiscalYearShortLabel } from "@/lib/domain/fiscal-year";
import { indicatorDefinition, INDICATORS } from "@/lib/domain/indicators/definitions";
import { targetListQuery } from "@/lib/list-queries";
import { getLocale, getT } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n/translate";
import { clearFiltersHref, firstValues, type RawSearchParams } from "@/lib/list-url";
import { scopeValue } from "@/lib/validation/indicator-targets";
import { canManageInputs, requireInputReader } from "../_inputs/access";
import { inputCrumbs, InputsNav } from "../_inputs/inputs-nav";
import { baselineText, targetText } from "./_components/target-text";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("indicatorInputs.targets.title") };
}

const BASE = "/indicators/targets";
const FILTER_KEYS = ["indicator", "scope", "fy"] as const;

function scopeName(t: Translate, r: TargetRow): string {
  return r.scope.level === "prefecture" ? t("indicatorInputs.targets.scopePrefecture") : (r.scopeName ?? "—");
}

/** The prefecture's targets, in registry order, filterable by indicator, scope and fiscal year (all in the URL). */
export default async function TargetsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireInputReader();
  const t = await getT();
  const locale = await getLocale();
  const params = firstValues(await searchParams);
  const { filter, options, scopeParam } = targetListQuery(actor, params);
  const { indicatorCode: indicator, fiscalYear } = filter;
  const rows = listTargetsForActor(actor, filter);
  const canManage = canManageInputs(actor);
  const hasFilters = !!(indicator || scopeParam || fiscalYear);
  const clearHref = hasFilters ? clearFiltersHref(BASE, params, FILTER_KEYS) : undefined;
  // FY2019 (the app's first year) to the end of the 第8期, plus any other year a target is set for.
  const yearChoices = [...new Set([...Array.from({ length: 11 }, (_, i) => 2019 + i), ...rows.map((r) => r.fiscalYear), ...(fiscalYear ? [fiscalYear] : [])])].sort((a, b) => a - b);
  const newButton = canManage ? <ButtonLink href={`${BASE}/new${indicator ? `?indicator=${encodeURIComponent(indicator)}` : ""}`}>{t("indicatorInputs.targets.new")}</ButtonLink> : undefined;
  const caption = t("indicatorInputs.targets.caption");

  return (
    <div className="space-y-5">
      <PageHeader title={t("indicatorInputs.targets.title")} description={t("indicatorInputs.targets.description")} breadcrumbs={inputCrumbs(t)} actions={newButton} />
      <InputsNav t={t} current="targets" />
      {!canManage && <p className="text-sm text-slate-700">{t("indicatorInputs.common.readOnly")}</p>}
      <FilterPanel
        headingId="target-filters-heading"
        heading={t("indicatorInputs.common.filters.heading")}
        action={BASE}
        params={params}
        applyLabel={t("indicatorInputs.common.filters.apply")}
        clear={clearHref ? { href: clearHref, label: t("indicatorInputs.common.filters.clear") } : undefined}
      >
        <div className="sm:col-span-2">
          <SelectField
            label={t("indicatorInputs.targets.filters.indicator")}
            name="indicator"
            defaultValue={indicator ?? ""}
            placeholder={t("indicatorInputs.common.any")}
            options={INDICATORS.map((d) => ({ value: d.code, label: `${d.code}　${d.name[locale]}` }))}
          />
        </div>
        <SelectField
          label={t("indicatorInputs.targets.filters.scope")}
          name="scope"
          defaultValue={scopeParam ?? ""}
          placeholder={t("indicatorInputs.common.any")}
          options={[
            { value: "prefecture", label: t("indicatorInputs.targets.scopePrefecture") },
            ...options.regions.map((r) => ({ value: `region:${r.id}`, label: r.name })),
            ...options.offices.map((o) => ({ value: `office:${o.id}`, label: o.name })),
          ]}
        />
        <SelectField
          label={t("indicatorInputs.targets.filters.fiscalYear")}
          name="fy"
          defaultValue={fiscalYear ? String(fiscalYear) : ""}
          placeholder={t("indicatorInputs.common.allYears")}
          options={yearChoices.map((y) => ({ value: String(y), label: fiscalYearShortLabel(y, locale) }))}
        />
      </FilterPanel>
      <ExportButtons list="targets" query={params} />
      {rows.length === 0 ? (
        <EmptyState
          title={hasFilters ? t("indicatorInputs.common.empty.filteredTitle") : t("indicatorInputs.common.empty.noneTitle")}
          description={canManage && !hasFilters ? t("indicatorInputs.common.empty.noneBody") : undefined}
          action={
            clearHref ? (
              <ButtonLink href={clearHref} variant="secondary">
                {t("indicatorInputs.common.filters.clear")}
              </ButtonLink>
            ) : (
              newButton
            )
          }
        />
      ) : (
        <TableRegion label={caption}>
          <table className="min-w-full border-collapse text-sm" data-testid="targets">
            <caption className="sr-only">{caption}</caption>
            <thead className="bg-slate-100">
              <tr>
                {(["indicator", "scope", "year", "target", "baseline", "source"] as const).map((c) => (
                  <th key={c} scope="col" className={thClass}>
                    {t(`indicatorInputs.targets.columns.${c}`)}
                  </th>
                ))}
                {canManage && (
                  <th scope="col" className={thClass}>
                    {t("indicatorInputs.targets.columns.actions")}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const name = indicatorDefinition(r.indicatorCode)?.name[locale] ?? r.indicatorCode;
                const year = fiscalYearShortLabel(r.fiscalYear, locale);
                return (
                  <tr key={r.id} className="border-t border-slate-200 even:bg-slate-50">
                    <th scope="row" className={clsx(tdClass, "min-w-48 text-left font-medium")}>
                      <span className="block text-xs text-slate-600">{r.indicatorCode}</span>
                      {name}
                    </th>
                    <td className={clsx(tdClass, "whitespace-nowrap")}>{scopeName(t, r)}</td>
                    <td className={clsx(tdClass, "min-w-28")}>{r.planPeriodLabel ? t("indicatorInputs.targets.periodEnd", { period: r.planPeriodLabel[locale], fy: year }) : year}</td>
                    <td className={clsx(tdClass, "min-w-28")}>
                      <span className="font-medium">{targetText(t, r)}</span>
                      {r.text && r.comparator !== "qualitative" && <span className="block text-xs text-slate-700">{t("indicatorInputs.targets.sheetWording", { text: r.text })}</span>}
                    </td>
                    <td className={clsx(tdClass, "whitespace-nowrap")}>{baselineText(t, r, locale) ?? "—"}</td>
                    <td className={clsx(tdClass, "min-w-40")}>{r.source ?? t("indicatorInputs.targets.noSource")}</td>
                    {canManage && (
                      <td className={tdClass}>
                        <Link
                          href={`${BASE}/${r.id}/edit`}
                          aria-label={t("indicatorInputs.targets.editLabel", { indicator: name, scope: scopeName(t, r), fy: year })}
                          className={clsx("rounded-sm text-brand-800 underline underline-offset-2 hover:text-brand-900", focusRing)}
                          data-testid={`edit-target-${scopeValue(r.scope)}-${r.indicatorCode}-${r.fiscalYear}`}
                        >
                          {t("indicatorInputs.common.edit")}
                        </Link>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
      )}
    </div>
  );
}
