import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { SectionCard } from "@/components/ui/section-card";
import { can } from "@/lib/auth/permissions";
import { getIndicatorBoardForActor } from "@/lib/dal/indicators";
import { orNotFound, requirePermission } from "@/lib/dal/session";
import { indicatorDefinition } from "@/lib/domain/indicators/definitions";
import { currentFiscalYear, fiscalYearShortLabel } from "@/lib/domain/fiscal-year";
import { getLocale, getT } from "@/lib/i18n/server";
import type { RawSearchParams } from "@/lib/list-url";
import { FigureTable } from "./_components/figure-table";
import { ScopeYearForm } from "./_components/scope-year-form";
import { TrendChart } from "./_components/trend-chart";
import { indicatorQuery, readIndicatorParams } from "./_lib/params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("indicators.title") };
}

/** Every indicator of a scope and year: actual against target, headline trends, each figure leading to its records. */
export default async function IndicatorsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("read:indicator:reach");
  const t = await getT();
  const locale = await getLocale();
  const { fiscalYear, scope: scopeParam, years } = await readIndicatorParams(searchParams);
  const board = orNotFound(() => getIndicatorBoardForActor(actor, { fiscalYear, scope: scopeParam }));
  const query = indicatorQuery(fiscalYear, board.scope.param);
  const prefectureStaff = can(actor.role, "read:aggregate:prefecture");
  const manages = can(actor.role, "manage:indicator:prefecture");
  // 年度締め (ADR 0025): supervisors sign off, prefecture staff lock; a running year opens on the last one that ended.
  const closes = can(actor.role, "signoff:year:reach") || can(actor.role, "lock:year:prefecture");
  return (
    <div className="space-y-5">
      <PageHeader
        title={t("indicators.title")}
        description={t("indicators.lead", { scope: board.scope.label[locale], fy: fiscalYearShortLabel(fiscalYear, locale) })}
        actions={
          prefectureStaff || closes ? (
            <div className="flex flex-wrap gap-2">
              {prefectureStaff && <ButtonLink href={`/indicators/sheet?prefecture=${actor.prefectureCode}&fy=${fiscalYear}`}>{t("indicators.links.sheet")}</ButtonLink>}
              {manages && (
                <>
                  <ButtonLink href="/indicators/statistics" variant="secondary">
                    {t("indicators.links.statistics")}
                  </ButtonLink>
                  <ButtonLink href="/indicators/targets" variant="secondary">
                    {t("indicators.links.targets")}
                  </ButtonLink>
                  <ButtonLink href={`/indicators/sheet-settings?fy=${fiscalYear}`} variant="secondary">
                    {t("indicators.links.settings")}
                  </ButtonLink>
                </>
              )}
              {closes && (
                <ButtonLink href={fiscalYear < currentFiscalYear() ? `/indicators/year-close?fy=${fiscalYear}` : "/indicators/year-close"} variant="secondary">
                  {t("yearClose.link")}
                </ButtonLink>
              )}
            </div>
          ) : undefined
        }
      />
      <ScopeYearForm t={t} locale={locale} scopes={board.scopes} scope={board.scope} years={years} fiscalYear={fiscalYear} action="/indicators" />
      {board.suppressed && <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">{t("indicators.suppressedNote")}</p>}
      {board.trends.length > 0 && (
        <SectionCard id="trends" title={t("indicators.trend.title")}>
          <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
            {board.trends.map((tr) => (
              <TrendChart key={tr.code} t={t} locale={locale} definition={indicatorDefinition(tr.code)!} years={board.trendYears} values={tr.values} />
            ))}
          </div>
        </SectionCard>
      )}
      {board.groups.map((g) => (
        <SectionCard key={g.group} id={`group-${g.group}`} title={t(`indicators.groups.${g.group}`)}>
          <FigureTable t={t} locale={locale} caption={t(`indicators.groups.${g.group}`)} figures={g.figures} query={query} />
        </SectionCard>
      ))}
    </div>
  );
}
