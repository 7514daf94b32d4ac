import clsx from "clsx";
import { focusRing } from "@/components/ui/button";
import { TableRegion } from "@/components/ui/table-region";
import { StatCard } from "@/components/ui/card";
import type { OutreachYearSummary } from "@/lib/dal/outreach-summary";
import type { Locale } from "@/lib/domain/codes";
import { fiscalYearShortLabel } from "@/lib/domain/fiscal-year";
import { OUTREACH_CONTACT_TYPE_LABELS, OUTREACH_OUTCOME_LABELS, OUTREACH_TEAM_KIND_LABELS } from "@/lib/domain/outreach-codes";
import { getT } from "@/lib/i18n/server";

type Bar = { key: string; label: string; value: number };

/**
 * The year's outreach figures for the header's 年度: the contractor's headline numbers as stat
 * cards, contacts and outcomes as bars, and the split by team kind. Counts only, no names.
 */
export async function OutreachYearSummaryPanel({ summary, locale }: { summary: OutreachYearSummary; locale: Locale }) {
  const t = await getT();
  const f = summary.total;
  const fy = fiscalYearShortLabel(summary.fiscalYear, locale);
  const empty = f.persons === 0 && f.contacts === 0 && f.casesWithOutcome === 0 && f.closedCases === 0;
  const totalOutcomes = Object.values(f.outcomes).reduce((a, b) => a + b, 0);
  const contactBars: Bar[] = Object.entries(f.contactsByType).map(([k, v]) => ({ key: k, label: OUTREACH_CONTACT_TYPE_LABELS[k as keyof typeof OUTREACH_CONTACT_TYPE_LABELS][locale], value: v }));
  const outcomeBars: Bar[] = Object.entries(f.outcomes)
    .filter(([, v]) => v > 0)
    .map(([k, v]) => ({ key: k, label: OUTREACH_OUTCOME_LABELS[k as keyof typeof OUTREACH_OUTCOME_LABELS][locale], value: v }));

  return (
    <section aria-labelledby="outreach-summary-heading" className="space-y-4 rounded-md border border-slate-300 bg-white p-5 shadow-sm">
      <div className="space-y-1">
        <h2 id="outreach-summary-heading" className="text-base font-semibold text-slate-900">
          {t("outreach.summary.title", { fy })}
        </h2>
        <p className="text-sm text-slate-700">{t(summary.scope === "prefecture" ? "outreach.summary.descriptionPrefecture" : "outreach.summary.description")}</p>
      </div>
      {empty ? (
        <p className="text-sm text-slate-700">{t("outreach.summary.none")}</p>
      ) : (
        <>
          <div className="grid gap-3 sm:grid-cols-2 md:grid-cols-3 xl:grid-cols-5">
            <StatCard
              label={t("outreach.summary.persons")}
              value={t("outreach.summary.personsValue", { n: f.persons })}
              hint={t("outreach.summary.personsHint", { new: f.newPersons, continuing: f.continuingPersons })}
            />
            <StatCard label={t("outreach.summary.visits")} value={t("outreach.summary.visitsValue", { n: f.visits })} hint={t("outreach.summary.visitsHint", { met: f.visitsMet })} />
            <StatCard label={t("outreach.summary.conferences")} value={t("outreach.summary.conferencesValue", { n: f.conferences })} />
            <StatCard
              label={t("outreach.summary.outcomes")}
              value={t("outreach.summary.outcomesValue", { n: f.casesWithOutcome })}
              hint={t("outreach.summary.outcomesHint", { total: totalOutcomes })}
            />
            <StatCard
              label={t("outreach.summary.closed")}
              value={t("outreach.summary.closedValue", { n: f.closedCases })}
              hint={f.meanSupportDays === null ? t("outreach.summary.closedHintNone") : t("outreach.summary.closedHint", { days: f.meanSupportDays })}
            />
          </div>
          <div className="grid gap-4 lg:grid-cols-2">
            <BarChart
              title={t("outreach.summary.chartTitle")}
              caption={t("outreach.summary.chartCaption", { fy })}
              bars={contactBars}
              unit={(n) => t("outreach.summary.count", { n })}
              columnLabel={t("outreach.summary.type")}
              showTable={t("outreach.summary.showTable")}
              valueLabel={t("outreach.summary.value")}
            />
            {outcomeBars.length > 0 && (
              <BarChart
                title={t("outreach.summary.outcomeChartTitle")}
                caption={t("outreach.summary.outcomeCaption", { fy })}
                bars={outcomeBars}
                unit={(n) => t("outreach.summary.cases", { n })}
                columnLabel={t("outreach.summary.outcome")}
                showTable={t("outreach.summary.showTable")}
                valueLabel={t("outreach.summary.value")}
                tone="success"
              />
            )}
          </div>
          {summary.byTeamKind.length > 1 && (
            <div className="space-y-2">
              <h3 className="text-sm font-semibold text-slate-900">{t("outreach.summary.byTeamKind")}</h3>
              <TableRegion caption={t("outreach.summary.teamCaption", { fy })} className="overflow-x-auto rounded-md border border-slate-300">
                <thead className="bg-slate-100">
                  <tr>
                    {[t("outreach.summary.teamKind"), t("outreach.summary.persons"), t("outreach.summary.visits"), t("outreach.summary.conferences"), t("outreach.summary.contacts"), t("outreach.summary.outcomes")].map((h, i) => (
                      <th key={h} scope="col" className={clsx("px-3 py-2 text-xs font-semibold text-slate-700", i === 0 ? "text-left" : "text-right")}>
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {summary.byTeamKind.map(({ teamKind, figures }) => (
                    <tr key={teamKind} className="border-t border-slate-200">
                      <th scope="row" className="px-3 py-2 text-left font-normal">
                        {OUTREACH_TEAM_KIND_LABELS[teamKind][locale]}
                      </th>
                      <td className="px-3 py-2 text-right tabular-nums">
                        {t("outreach.summary.personsValue", { n: figures.persons })}
                        <span className="block text-xs text-slate-600">{t("outreach.summary.personsHint", { new: figures.newPersons, continuing: figures.continuingPersons })}</span>
                      </td>
                      <td className="px-3 py-2 text-right tabular-nums">{t("outreach.summary.visitsValue", { n: figures.visits })}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{t("outreach.summary.conferencesValue", { n: figures.conferences })}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{t("outreach.summary.count", { n: figures.contacts })}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{t("outreach.summary.outcomesValue", { n: figures.casesWithOutcome })}</td>
                    </tr>
                  ))}
                </tbody>
              </TableRegion>
            </div>
          )}
        </>
      )}
    </section>
  );
}

/**
 * Horizontal CSS bars with the number beside each. The bars are for sighted users; the same
 * figures are in the table under "表で見る", which is what assistive technology reads.
 */
function BarChart({
  title,
  caption,
  bars,
  unit,
  columnLabel,
  valueLabel,
  showTable,
  tone = "brand",
}: {
  title: string;
  caption: string;
  bars: Bar[];
  unit: (n: number) => string;
  columnLabel: string;
  valueLabel: string;
  showTable: string;
  tone?: "brand" | "success";
}) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <div className="space-y-2 rounded-md border border-slate-200 p-4">
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      <ul aria-hidden="true" className="space-y-1.5">
        {bars.map((b) => (
          <li key={b.key} className="grid grid-cols-[minmax(5.5rem,9rem)_1fr] items-center gap-3 text-sm">
            <span className="truncate text-slate-800">{b.label}</span>
            <span className="flex items-center gap-2">
              <span
                className={clsx("h-4 rounded-sm", tone === "brand" ? "bg-brand-700" : "bg-green-700")}
                // A zero still gets a sliver, so the row does not look like missing data.
                style={{ width: b.value === 0 ? "2px" : `${(b.value / max) * 80}%` }}
              />
              <span className="font-semibold text-slate-900 tabular-nums">{unit(b.value)}</span>
            </span>
          </li>
        ))}
      </ul>
      <details className="text-sm">
        <summary className={clsx("inline-block cursor-pointer rounded-sm text-brand-800 underline underline-offset-2", focusRing)}>{showTable}</summary>
        <table className="mt-2 border-collapse text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="bg-slate-100">
              <th scope="col" className="px-3 py-1.5 text-left text-xs font-semibold text-slate-700">
                {columnLabel}
              </th>
              <th scope="col" className="px-3 py-1.5 text-right text-xs font-semibold text-slate-700">
                {valueLabel}
              </th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.key} className="border-t border-slate-200">
                <th scope="row" className="px-3 py-1.5 text-left font-normal">
                  {b.label}
                </th>
                <td className="px-3 py-1.5 text-right tabular-nums">{b.value.toLocaleString("ja-JP")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
