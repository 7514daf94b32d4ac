import type { Metadata } from "next";
import Link from "next/link";
import clsx from "clsx";
import { Badge } from "@/components/ui/badge";
import { focusRing } from "@/components/ui/button";
import { DescriptionList } from "@/components/ui/description-list";
import { PageHeader } from "@/components/ui/page-header";
import { ExportButtons } from "@/components/export-buttons";
import { SectionCard } from "@/components/ui/section-card";
import { TableRegion, tdClass, thClass } from "@/components/ui/table-region";
import { getIndicatorDetailForActor, type AreaRow } from "@/lib/dal/indicators";
import { listIndicatorRecordsForActor } from "@/lib/dal/indicators/drill-down";
import { orNotFound, requirePermission } from "@/lib/dal/session";
import type { Locale } from "@/lib/domain/codes";
import { asOfLabel, eraYearShort } from "@/lib/domain/era-labels";
import { indicatorDefinition } from "@/lib/domain/indicators/definitions";
import { formatFigure, formatNumber, formatTarget, SMALL_CELL_TEXT, STATUS_LABELS } from "@/lib/domain/indicators/format";
import type { IndicatorDefinition } from "@/lib/domain/indicators/types";
import { fiscalYearShortLabel } from "@/lib/domain/fiscal-year";
import { STATISTIC_METHOD_LABELS, type StatisticMethod } from "@/lib/domain/statistic-codes";
import { getLocale, getT } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n/translate";
import type { RawSearchParams } from "@/lib/list-url";
import { STATUS_TONES } from "../_components/figure-table";
import { ScopeYearForm } from "../_components/scope-year-form";
import { TrendChart } from "../_components/trend-chart";
import { indicatorQuery, readIndicatorParams } from "../_lib/params";

type Params = { params: Promise<{ code: string }>; searchParams: Promise<RawSearchParams> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const def = indicatorDefinition(decodeURIComponent((await params).code));
  const locale = await getLocale();
  return { title: def ? def.name[locale] : (await getT())("indicators.title") };
}

function AreaTable({ t, locale, caption, rows, def, fiscalYear, code }: { t: Translate; locale: Locale; caption: string; rows: AreaRow[]; def: IndicatorDefinition; fiscalYear: number; code: string }) {
  return (
    <TableRegion caption={caption} className="max-h-96 overflow-auto rounded-md border border-slate-200">
      <thead className="sticky top-0 bg-slate-100">
        <tr>
          <th scope="col" className={thClass}>
            {t("indicators.detail.area")}
          </th>
          <th scope="col" className={clsx(thClass, "text-right")}>
            {t("indicators.columns.actual")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.scope.param} className="border-t border-slate-200">
            <th scope="row" className={clsx(tdClass, "text-left font-normal")}>
              <Link href={`/indicators/${encodeURIComponent(code)}${indicatorQuery(fiscalYear, r.scope.param)}`} className={clsx("rounded-sm text-brand-800 underline underline-offset-2", focusRing)}>
                {r.scope.label[locale]}
              </Link>
            </th>
            <td className={clsx(tdClass, "text-right tabular-nums")}>
              {r.suppressed ? SMALL_CELL_TEXT[locale] : formatFigure({ value: r.value, denominator: r.denominator }, def.unit, def.kind, locale)}
            </td>
          </tr>
        ))}
      </tbody>
    </TableRegion>
  );
}

/** One indicator: its definition, the figure with target and status, the trend, the areas and the records behind it. */
export default async function IndicatorPage({ params, searchParams }: Params) {
  const actor = await requirePermission("read:indicator:reach");
  const t = await getT();
  const locale = await getLocale();
  const code = decodeURIComponent((await params).code);
  const { fiscalYear, scope: scopeParam, years } = await readIndicatorParams(searchParams);
  const detail = orNotFound(() => getIndicatorDetailForActor(actor, code, { fiscalYear, scope: scopeParam }));
  const records = orNotFound(() => listIndicatorRecordsForActor(actor, detail));
  const f = detail.figure;
  const def = f.definition;
  const fyLabel = fiscalYearShortLabel(fiscalYear, locale);
  const facts = [
    { term: t("indicators.detail.definition"), description: def.definition[locale] },
    ...(f.numerator !== undefined && !f.suppressed ? [{ term: t("indicators.detail.numerator"), description: formatNumber(f.numerator, "people") }] : []),
    ...(f.denominator !== undefined && !f.suppressed ? [{ term: t("indicators.detail.denominator"), description: formatNumber(f.denominator, "people") }] : []),
    ...(f.n !== undefined && !f.suppressed ? [{ term: t("indicators.detail.n"), description: formatNumber(f.n, "people") }] : []),
    ...(f.source
      ? [
          { term: t("indicators.detail.source"), description: f.source.label },
          { term: t("indicators.detail.asOf"), description: f.source.asOf ? asOfLabel(f.source.asOf, locale) : f.source.cohortYear ? eraYearShort(f.source.cohortYear, locale) : "—" },
          { term: t("indicators.detail.method"), description: STATISTIC_METHOD_LABELS[f.source.method as StatisticMethod]?.[locale] ?? f.source.method },
        ]
      : []),
  ];
  const back = `/indicators${indicatorQuery(fiscalYear, detail.scope.param)}`;
  return (
    <div className="space-y-5">
      <PageHeader
        title={def.name[locale]}
        description={`${detail.scope.label[locale]}・${fyLabel}・${def.code}`}
        breadcrumbs={[{ href: back, label: t("indicators.title") }]}
      />
      <ExportButtons list="indicator" query={{ code, fy: String(fiscalYear), scope: detail.scope.param }} label={t("export.indicator.button")} />
      <ScopeYearForm t={t} locale={locale} scopes={detail.scopes.filter((s) => def.scopes.includes(s.level))} scope={detail.scope} years={years} fiscalYear={fiscalYear} action={`/indicators/${encodeURIComponent(code)}`} />
      <SectionCard id="figure" title={t("indicators.detail.figure", { fy: fyLabel })}>
        <div className="flex flex-wrap items-baseline gap-4">
          <p className="text-4xl font-semibold text-brand-800 tabular-nums" data-testid="figure-value">
            {def.kind === "qualitative" && f.text ? <span className="text-xl">{f.text[locale]}</span> : formatFigure(f, def.unit, def.kind, locale)}
          </p>
          <Badge tone={STATUS_TONES[f.achievement.status]}>{STATUS_LABELS[f.achievement.status][locale]}</Badge>
          {f.target && (
            <p className="text-sm text-slate-800">
              {t("indicators.columns.target")}：{formatTarget(f.target, def.unit, locale, { fiscalYear })}
              {f.target.source ? `（${f.target.source}）` : ""}
            </p>
          )}
          {def.ownMeasure && <Badge tone="info">{t("indicators.ownMeasure")}</Badge>}
        </div>
        {f.notComputable && <p className="mt-2 text-sm text-amber-900">{f.notComputable.reason[locale]}</p>}
        {f.breakdown && f.breakdown.length > 0 && (
          <ul className="mt-3 flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-800" aria-label={t("indicators.detail.breakdown")}>
            {f.breakdown.map((b) => (
              <li key={b.key}>
                {b.label[locale]} <span className="font-semibold tabular-nums">{b.suppressed ? SMALL_CELL_TEXT[locale] : b.value === null ? "—" : formatNumber(b.value, def.unit)}</span>
              </li>
            ))}
          </ul>
        )}
        <div className="mt-4">
          <DescriptionList items={facts} />
        </div>
        {def.ownMeasure && <p className="mt-3 text-xs text-slate-700">{t("indicators.ownMeasureHint")}</p>}
      </SectionCard>
      <SectionCard id="trend" title={t("indicators.trend.title")}>
        <TrendChart t={t} locale={locale} definition={def} years={detail.trend.map((p) => p.fiscalYear)} values={detail.trend.map((p) => p.value)} />
      </SectionCard>
      {(detail.byRegion.length > 0 || detail.byOffice.length > 0) && (
        <div className="grid grid-cols-1 gap-5 lg:grid-cols-2">
          {detail.byRegion.length > 0 && (
            <SectionCard id="by-region" title={t("indicators.detail.byRegion")}>
              <AreaTable t={t} locale={locale} caption={t("indicators.detail.byRegion")} rows={detail.byRegion} def={def} fiscalYear={fiscalYear} code={code} />
            </SectionCard>
          )}
          {detail.byOffice.length > 0 && (
            <SectionCard id="by-office" title={t("indicators.detail.byOffice")}>
              <AreaTable t={t} locale={locale} caption={t("indicators.detail.byOffice")} rows={detail.byOffice} def={def} fiscalYear={fiscalYear} code={code} />
            </SectionCard>
          )}
        </div>
      )}
      <SectionCard id="records" title={t("indicators.detail.records")}>
        {records === null ? (
          <p className="text-sm text-slate-800">{t("indicators.detail.recordsSuppressed")}</p>
        ) : records.rows.length === 0 && records.notListed === 0 ? (
          <p className="text-sm text-slate-800">{t("indicators.detail.recordsNone")}</p>
        ) : (
          <div className="space-y-2">
            <p className="text-sm text-slate-800">{t("indicators.detail.recordsLead", { n: records.rows.length })}</p>
            {records.notListed > 0 && <p className="text-sm text-slate-700">{t("indicators.detail.recordsNotListed", { n: records.notListed })}</p>}
            {detail.hiddenOffices.length > 0 && <p className="text-sm text-slate-700">{t("indicators.detail.recordsHiddenOffices")}</p>}
            <TableRegion caption={t("indicators.detail.records")} className="max-h-[32rem] overflow-auto rounded-md border border-slate-200">
              <thead className="sticky top-0 bg-slate-100">
                <tr>
                  <th scope="col" className={thClass}>
                    {t("indicators.detail.date")}
                  </th>
                  <th scope="col" className={thClass}>
                    {t("indicators.detail.record")}
                  </th>
                  <th scope="col" className={thClass}>
                    {t("indicators.detail.office")}
                  </th>
                  <th scope="col" className={thClass}>
                    {t("indicators.detail.facts")}
                  </th>
                </tr>
              </thead>
              <tbody data-testid="indicator-records">
                {records.rows.map((r) => (
                  <tr key={`${r.kind}-${r.id}`} className="border-t border-slate-200">
                    <td className={clsx(tdClass, "whitespace-nowrap tabular-nums")}>{r.date ?? "—"}</td>
                    <td className={tdClass}>
                      {r.href ? (
                        <Link href={r.href} className={clsx("rounded-sm font-medium text-brand-800 underline underline-offset-2", focusRing)}>
                          {r.label}
                        </Link>
                      ) : (
                        r.label
                      )}
                    </td>
                    <td className={tdClass}>{r.officeName ?? t("indicators.detail.prefectureOwn")}</td>
                    <td className={clsx(tdClass, "text-xs text-slate-700")}>{r.facts.map((x) => x[locale]).join("・")}</td>
                  </tr>
                ))}
              </tbody>
            </TableRegion>
          </div>
        )}
      </SectionCard>
      <p>
        <Link href={back} className={clsx("rounded-sm text-sm text-brand-800 underline underline-offset-2", focusRing)}>
          {t("indicators.detail.back")}
        </Link>
      </p>
    </div>
  );
}
