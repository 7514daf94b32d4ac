import type { Metadata } from "next";
import { FilterPanel } from "@/components/forms/filter-panel";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { SectionCard } from "@/components/ui/section-card";
import { getSheetSettingsForActor, type SheetRow } from "@/lib/dal/sheet-settings";
import type { Locale } from "@/lib/domain/codes";
import { fiscalYearLabel, fiscalYearShortLabel } from "@/lib/domain/fiscal-year";
import { getLocale, getT } from "@/lib/i18n/server";
import { firstValues, type RawSearchParams } from "@/lib/list-url";
import { canManageInputs, requireInputReader } from "../_inputs/access";
import { inputCrumbs, InputsNav } from "../_inputs/inputs-nav";
import { yearFromParams } from "../_inputs/params";
import { AddRowForm, FactsForm, HeadingForm, MoveForm, NarrativeForm, RemoveRowDialog } from "./_components/sheet-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("indicatorInputs.sheet.title") };
}

const BASE = "/indicators/sheet-settings";

/** How a row is named on this page: its code, and the prefecture's heading or the indicator's name. */
const rowName = (r: SheetRow, locale: Locale) => `${r.indicatorCode} ${r.heading ?? r.name[locale]}`;

/**
 * The sheet's own settings on one page, for the fiscal year in the URL (`?fy=2021`, else the
 * header's): (a) the indicators the sheet reports, in order and with the prefecture's headings,
 * (b) each one's 具体的な成果・効果 of the year, (c) the year's facts. Prefecture staff edit each
 * row on its own; office staff read the same page.
 */
export default async function SheetSettingsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requireInputReader();
  const t = await getT();
  const locale = await getLocale();
  const params = firstValues(await searchParams);
  const { fiscalYear: fy, years } = await yearFromParams(params.fy);
  const settings = getSheetSettingsForActor(actor, fy);
  const canManage = canManageInputs(actor);
  const fyLabel = fiscalYearShortLabel(fy, locale);
  const none = t("indicatorInputs.common.notRecorded");
  const facts = settings.facts;

  return (
    <div className="space-y-5">
      <PageHeader title={t("indicatorInputs.sheet.title")} description={t("indicatorInputs.sheet.description")} breadcrumbs={inputCrumbs(t)} />
      <InputsNav t={t} current="sheet" />
      {!canManage && <p className="text-sm text-slate-700">{t("indicatorInputs.common.readOnly")}</p>}
      <FilterPanel headingId="sheet-year-heading" heading={t("indicatorInputs.sheet.yearTitle")} action={BASE} params={params} applyLabel={t("indicatorInputs.sheet.yearApply")}>
        <SelectField label={t("indicatorInputs.common.fiscalYear")} name="fy" defaultValue={String(fy)} options={years.map((y) => ({ value: String(y), label: fiscalYearLabel(y, locale) }))} />
      </FilterPanel>

      <SectionCard id="sheet-rows" title={t("indicatorInputs.sheet.rows.title")} description={t("indicatorInputs.sheet.rows.lead")}>
        {settings.rows.length === 0 ? (
          <EmptyState title={t("indicatorInputs.sheet.rows.empty")} />
        ) : (
          <ol className="divide-y divide-slate-200 border-y border-slate-200" aria-label={t("indicatorInputs.sheet.rows.caption")} data-testid="sheet-rows">
            {settings.rows.map((r, i) => {
              const name = rowName(r, locale);
              return (
                <li key={r.indicatorCode} className="grid gap-3 py-3 md:grid-cols-[3rem_minmax(0,1fr)_auto] md:items-start">
                  <span className="text-sm font-semibold text-slate-700 tabular-nums">{i + 1}</span>
                  <div className="min-w-0 space-y-2">
                    <p className="text-sm text-slate-900">
                      <span className="mr-2 text-xs text-slate-600">{r.indicatorCode}</span>
                      {r.name[locale]}
                    </p>
                    {canManage ? (
                      <HeadingForm code={r.indicatorCode} name={name} heading={r.heading ?? ""} version={r.version} fy={fy} />
                    ) : (
                      r.heading && <p className="text-sm text-slate-800">{t("indicatorInputs.sheet.rows.columns.heading")}：{r.heading}</p>
                    )}
                  </div>
                  {canManage && (
                    <div className="flex flex-wrap items-start gap-2">
                      <MoveForm code={r.indicatorCode} name={name} version={r.version} fy={fy} direction="up" disabled={i === 0} />
                      <MoveForm code={r.indicatorCode} name={name} version={r.version} fy={fy} direction="down" disabled={i === settings.rows.length - 1} />
                      <RemoveRowDialog code={r.indicatorCode} name={name} version={r.version} fy={fy} />
                    </div>
                  )}
                </li>
              );
            })}
          </ol>
        )}
        {canManage && (
          <div className="mt-5 space-y-2">
            <h3 className="text-sm font-semibold text-slate-900">{t("indicatorInputs.sheet.rows.addTitle")}</h3>
            {settings.available.length ? (
              <AddRowForm fy={fy} available={settings.available.map((a) => ({ value: a.code, label: `${a.code}　${a.name[locale]}` }))} />
            ) : (
              <p className="text-sm text-slate-700">{t("indicatorInputs.sheet.rows.addNone")}</p>
            )}
          </div>
        )}
      </SectionCard>

      <SectionCard id="sheet-narratives" title={t("indicatorInputs.sheet.narratives.title", { fy: fyLabel })} description={t("indicatorInputs.sheet.narratives.lead")}>
        {settings.rows.length === 0 ? (
          <p className="text-sm text-slate-700">{t("indicatorInputs.sheet.narratives.empty")}</p>
        ) : (
          <div className="space-y-5">
            {settings.rows.map((r) =>
              canManage ? (
                <NarrativeForm key={`${r.indicatorCode}-${r.narrative?.version ?? 0}`} code={r.indicatorCode} label={rowName(r, locale)} text={r.narrative?.text ?? ""} version={r.narrative?.version ?? 0} fy={fy} />
              ) : (
                <div key={r.indicatorCode} className="space-y-1">
                  <h3 className="text-sm font-medium text-slate-800">{rowName(r, locale)}</h3>
                  {r.narrative ? <p className="text-sm whitespace-pre-wrap text-slate-900">{r.narrative.text}</p> : <p className="text-sm text-slate-600">{t("indicatorInputs.sheet.narratives.none")}</p>}
                </div>
              ),
            )}
          </div>
        )}
      </SectionCard>

      <SectionCard id="sheet-facts" title={t("indicatorInputs.sheet.facts.title", { fy: fyLabel })} description={t("indicatorInputs.sheet.facts.lead")}>
        {canManage ? (
          <FactsForm key={facts.version} fy={fy} facts={facts} />
        ) : (
          <dl className="space-y-2 text-sm">
            <div>
              <dt className="font-medium text-slate-800">{t("indicatorInputs.sheet.facts.subcommittee")}</dt>
              <dd className="mt-0.5">
                {facts.jiritsuMhSubcommittee === null ? (
                  <span className="text-slate-600">{none}</span>
                ) : (
                  <Badge tone={facts.jiritsuMhSubcommittee ? "success" : "neutral"}>{t(facts.jiritsuMhSubcommittee ? "indicatorInputs.sheet.facts.yes" : "indicatorInputs.sheet.facts.no")}</Badge>
                )}
              </dd>
            </div>
            <div>
              <dt className="font-medium text-slate-800">{t("indicatorInputs.sheet.facts.hostelUsers")}</dt>
              <dd className="mt-0.5 tabular-nums">{facts.hostelUniqueUsers === null ? <span className="text-slate-600">{none}</span> : t("indicatorInputs.sheet.facts.hostelUsersValue", { n: facts.hostelUniqueUsers })}</dd>
            </div>
            <div>
              <dt className="font-medium text-slate-800">{t("indicatorInputs.sheet.facts.kyogiYear")}</dt>
              <dd className="mt-0.5">{t(facts.kyogiAsOfNextApril ? "indicatorInputs.sheet.facts.kyogiNextApril" : "indicatorInputs.sheet.facts.kyogiSameYear")}</dd>
            </div>
          </dl>
        )}
      </SectionCard>
    </div>
  );
}
