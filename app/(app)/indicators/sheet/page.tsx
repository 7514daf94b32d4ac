import type { Metadata } from "next";
import Link from "next/link";
import clsx from "clsx";
import { ButtonLink, focusRing } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { SectionCard } from "@/components/ui/section-card";
import { tdClass, thClass } from "@/components/ui/table-region";
import { getSheetForActor, type SheetBasicCell } from "@/lib/dal/indicators/sheet";
import { orNotFound, requirePermission } from "@/lib/dal/session";
import { isAppError } from "@/lib/dal/errors";
import { fiscalYearLabel } from "@/lib/domain/fiscal-year";
import type { Translate } from "@/lib/i18n/translate";
import { getLocale, getT } from "@/lib/i18n/server";
import { firstValues, type RawSearchParams } from "@/lib/list-url";
import { notFound } from "next/navigation";
import { PrintButton } from "@/components/ui/print-button";
import { RestatementList } from "../_components/restatement-list";
import { readIndicatorParams } from "../_lib/params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("indicators.sheet.title") };
}

const cell = "border border-slate-400 px-2 py-1 align-top print:px-1.5 print:py-0.5";

/** 「訂正あり（n件）」 beside a figure a restatement may have moved, linking to the list below (ADR 0025). */
function RestatedMark({ n, t }: { n: number; t: Translate }) {
  if (n === 0) return null;
  return (
    <a href="#restatements" className={clsx("mt-1 block rounded-sm text-xs font-medium text-amber-900 underline underline-offset-2", focusRing)} aria-label={t("yearClose.restatements.markLabel", { n })}>
      {t("yearClose.restatements.mark", { n })}
    </a>
  );
}

function BasicRows({ rows, fy, t }: { rows: SheetBasicCell[]; fy: number; t: Translate }) {
  const out: React.ReactNode[] = [];
  for (const r of rows) {
    if (r.group) {
      out.push(
        <tr key={`g-${r.row.key}`} className="bg-slate-50">
          <th scope="rowgroup" colSpan={5} className={clsx(cell, "text-left font-semibold")}>
            {r.group}
            {r.asOf ? `（${r.asOf}）` : ""}
          </th>
        </tr>,
      );
    }
    const href = `/indicators/${encodeURIComponent(r.code)}?fy=${fy}&scope=prefecture`;
    out.push(
      <tr key={r.row.key} data-basic={r.row.key}>
        <th scope="row" className={clsx(cell, "text-left font-normal", r.row.indent && "pl-6")}>
          {r.label}
          {!r.group && !r.row.indent && r.asOf ? `（${r.asOf}）` : ""}
        </th>
        <td className={clsx(cell, "text-right font-semibold whitespace-nowrap tabular-nums")} data-testid={`basic-${r.row.key}`}>
          <Link href={href} className={clsx("rounded-sm", focusRing)}>
            {r.display}
            {r.of !== null ? ` ／ ${r.of}` : ""}
          </Link>
          <RestatedMark n={r.restatements} t={t} />
        </td>
        <td className={clsx(cell, "whitespace-nowrap")}>{r.unit}</td>
        <td className={clsx(cell, "text-right whitespace-nowrap tabular-nums")}>{r.sharePercent !== null ? `${r.sharePercent.toFixed(1)} ％` : ""}</td>
        <td className={clsx(cell, "text-xs text-slate-700")}>{r.missing ? <span className="text-amber-900">{r.missing}</span> : r.source}</td>
      </tr>,
    );
  }
  return <>{out}</>;
}

/** The 自治体情報シート of a prefecture and year, as the seeds lay it out; printable on A4 and downloadable. */
export default async function SheetPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("read:aggregate:prefecture");
  const t = await getT();
  const locale = await getLocale();
  const { fiscalYear, years } = await readIndicatorParams(searchParams);
  const prefectureCode = firstValues(await searchParams).prefecture ?? actor.prefectureCode;
  const sheet = orNotFound(() => {
    try {
      return getSheetForActor(actor, { prefectureCode, fiscalYear, locale });
    } catch (e) {
      // Another prefecture's sheet: the page answers like a missing one (the API says 403).
      if (isAppError(e) && e.code === "forbidden") notFound();
      throw e;
    }
  });
  const q = `prefecture=${sheet.prefectureCode}&fy=${sheet.fiscalYear}`;
  const missing = sheet.basic.filter((b) => b.missing).map((b) => b.label);
  return (
    <div className="space-y-5 print:space-y-3">
      <PageHeader
        title={`${t("indicators.sheet.title")}（${sheet.prefectureName}・${sheet.fiscalYearLabel}）`}
        description={t("indicators.sheet.lead", { prefecture: sheet.prefectureName, fy: sheet.fiscalYearLabel })}
        breadcrumbs={[{ href: `/indicators?fy=${sheet.fiscalYear}`, label: t("indicators.title") }]}
        actions={
          <div className="flex flex-wrap gap-2 print:hidden">
            <PrintButton label={t("indicators.sheet.print")} />
            <ButtonLink href={`/indicators/sheet/xlsx?${q}`} variant="secondary">
              {t("indicators.sheet.xlsx")}
            </ButtonLink>
            <ButtonLink href={`/indicators/sheet/csv?${q}`} variant="secondary">
              {t("indicators.sheet.csv")}
            </ButtonLink>
          </div>
        }
      />
      <form method="get" action="/indicators/sheet" className="flex items-end gap-3 print:hidden">
        <input type="hidden" name="prefecture" value={sheet.prefectureCode} />
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
          {t("indicators.filters.fiscalYear")}
          <select name="fy" defaultValue={sheet.fiscalYear} className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
            {years.map((fy) => (
              <option key={fy} value={fy}>
                {fiscalYearLabel(fy, locale)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={clsx("rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm", focusRing)}>
          {t("indicators.filters.apply")}
        </button>
      </form>
      {missing.length > 0 && <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 print:hidden">{t("indicators.sheet.missingValues", { items: missing.join("、") })}</p>}
      <SectionCard id="basic" title={`＜${t("indicators.sheet.basicTitle")}＞ ${sheet.prefectureName}`} className="print:border-0 print:p-0">
        <table className="w-full border-collapse text-sm print:text-[9pt]" data-testid="sheet-basic">
          <caption className="sr-only">{t("indicators.sheet.basicTitle")}</caption>
          <thead>
            <tr className="bg-slate-100">
              <th scope="col" className={clsx(cell, thClass)}>
                {t("indicators.sheet.item")}
              </th>
              <th scope="col" className={clsx(cell, thClass, "text-right")}>
                {t("indicators.sheet.value")}
              </th>
              <th scope="col" className={clsx(cell, thClass)}>
                {t("indicators.sheet.unit")}
              </th>
              <th scope="col" className={clsx(cell, thClass, "text-right")}>
                {t("indicators.sheet.share")}
              </th>
              <th scope="col" className={clsx(cell, thClass)}>
                {t("indicators.sheet.source")}
              </th>
            </tr>
          </thead>
          <tbody>
            <BasicRows rows={sheet.basic} fy={sheet.fiscalYear} t={t} />
          </tbody>
        </table>
      </SectionCard>
      <SectionCard id="indicators" title={t("indicators.sheet.indicatorsTitle")} className="break-before-page print:border-0 print:p-0">
        {sheet.indicators.length === 0 ? (
          <p className="text-sm text-slate-800">{t("indicators.sheet.noRows")}</p>
        ) : (
          <table className="w-full border-collapse text-sm print:text-[9pt]" data-testid="sheet-indicators">
            <caption className="sr-only">{t("indicators.sheet.indicatorsTitle")}</caption>
            <thead>
              <tr className="bg-slate-100">
                <th scope="col" className={clsx(cell, thClass, "w-1/4")}>
                  {t("indicators.sheet.indicator")}
                </th>
                <th scope="col" className={clsx(cell, thClass)}>
                  {t("indicators.sheet.target")}
                </th>
                <th scope="col" className={clsx(cell, thClass)}>
                  {t("indicators.sheet.actual")}
                </th>
                <th scope="col" className={clsx(cell, thClass, "w-2/5")}>
                  {t("indicators.sheet.narrative")}
                </th>
              </tr>
            </thead>
            <tbody>
              {sheet.indicators.map((r) => (
                <tr key={r.code} data-indicator={r.code}>
                  <th scope="row" className={clsx(cell, tdClass, "text-left font-normal")}>
                    ○{r.heading}
                  </th>
                  <td className={clsx(cell, tdClass)}>{r.target || "—"}</td>
                  <td className={clsx(cell, tdClass)} data-testid={`actual-${r.code}`}>
                    <Link href={`/indicators/${encodeURIComponent(r.code)}?fy=${sheet.fiscalYear}&scope=prefecture`} className={clsx("rounded-sm font-semibold", focusRing)}>
                      {r.display}
                    </Link>
                    {r.breakdown.length > 0 && <span className="block text-xs text-slate-700">（{r.breakdown.map((b) => `${b.label} ${b.display}`).join("　")}）</span>}
                    {r.sourceNote && <span className="block text-xs text-slate-700">{r.sourceNote}</span>}
                    {r.target && <span className="mt-1 block text-xs text-slate-700 print:hidden">{r.statusLabel}</span>}
                    <RestatedMark n={r.restatements} t={t} />
                  </td>
                  <td className={clsx(cell, tdClass, "whitespace-pre-line")}>{r.narrative}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </SectionCard>
      {sheet.restatements.length > 0 && (
        <SectionCard id="restatements" title={t("yearClose.restatements.title")} description={t("yearClose.restatements.sheetLead")} className="break-before-page print:border-0 print:p-0">
          <RestatementList rows={sheet.restatements} t={t} locale={locale} />
        </SectionCard>
      )}
    </div>
  );
}
