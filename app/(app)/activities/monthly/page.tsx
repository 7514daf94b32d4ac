import type { Metadata } from "next";
import { ExportButtons } from "@/components/export-buttons";
import { ColumnChart } from "@/components/charts/column-chart";
import { ButtonLink } from "@/components/ui/button";
import { StatCard } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getMonthlySummaryForActor } from "@/lib/dal/activity-summaries";
import { getHostelTableForActor, getPhoneTableForActor, type MonthlyTable as MonthlyTableData } from "@/lib/dal/monthly-figures";
import { requirePermission } from "@/lib/dal/session";
import { fiscalYearShortLabel } from "@/lib/domain/fiscal-year";
import { getLocale, getT } from "@/lib/i18n/server";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import type { RawSearchParams } from "@/lib/list-url";
import { HOSTEL_FIELDS } from "@/lib/validation/activities-tables";
import { PHONE_BAND_FIELDS, PHONE_CALLER_FIELDS, PHONE_RESPONSE_FIELDS, PHONE_TOPIC_FIELDS, type HostelMonthFigures, type PhoneMonthFigures } from "@/lib/domain/activity-rules";
import type { Locale } from "@/lib/domain/codes";
import { YearField } from "../_components/list-filters";
import { SummaryPanel } from "../_components/summary-panel";
import type { ActivityFormState } from "../_lib/form-state";
import { readListParams } from "../_lib/params";
import { FilterForm } from "@/components/forms/filter-form";
import { Button } from "@/components/ui/button";
import { saveHostelTableAction, savePhoneTableAction } from "./actions";
import { monthLabel } from "./_components/month-label";
import { MonthlyTable } from "./_components/monthly-table";
import type { FieldRow } from "./_components/monthly-grid";
import { MonthlyTableForm } from "./_components/monthly-table-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("activities.monthly.title") };
}

const BASE = "/activities/monthly";

function phoneRows(t: Translate): FieldRow[] {
  const f = (field: string) => ({ field, label: t(`activities.monthly.phone.fields.${field}` as MessageKey) });
  const g = (group: string) => ({ group: t(`activities.monthly.phone.groups.${group}` as MessageKey) });
  return [
    g("total"),
    f("callsTotal"),
    f("uniqueCallers"),
    g("band"),
    ...PHONE_BAND_FIELDS.map(f),
    g("caller"),
    ...PHONE_CALLER_FIELDS.map(f),
    g("topic"),
    ...PHONE_TOPIC_FIELDS.map(f),
    g("response"),
    ...PHONE_RESPONSE_FIELDS.map(f),
  ];
}

function hostelRows(t: Translate): FieldRow[] {
  return HOSTEL_FIELDS.map((field) => ({ field, label: t(`activities.monthly.hostel.fields.${field}` as MessageKey) }));
}

const asText = (figures: Record<string, number | null> | null, defaults: Record<string, string> = {}): Record<string, string> =>
  figures ? Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, v === null ? "" : String(v)])) : defaults;

export default async function MonthlyPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("read:activity:reach");
  const t = await getT();
  const locale = await getLocale();
  const list = await readListParams(searchParams);
  const fy = list.summaryYear;
  const fyLabel = fiscalYearShortLabel(fy, locale);
  const phone = getPhoneTableForActor(actor, fy);
  const hostel = getHostelTableForActor(actor, fy);
  const header = <PageHeader title={t("activities.monthly.title")} description={t("activities.monthly.description")} />;

  // Shown for a prefecture that runs the services; elsewhere the page says what it is for.
  if (!phone.runsService && !hostel.runsService && list.params.start !== "1") {
    return (
      <div className="space-y-5">
        {header}
        <EmptyState
          title={t("activities.monthly.emptyTitle")}
          description={t("activities.monthly.emptyBody")}
          action={phone.canEdit ? <ButtonLink href={`${BASE}?fy=${fy}&start=1`}>{t("activities.monthly.emptyStart")}</ButtonLink> : undefined}
        />
      </div>
    );
  }

  const summary = getMonthlySummaryForActor(actor, { fiscalYear: fy });
  const pct = (n: number | null) => (n === null ? "—" : `${n.toFixed(1)}%`);
  const categories = summary.phoneMonths.map((m) => ({ key: m.month, label: monthLabel(m.month, locale), missing: !m.reported }));
  const chartLabels = { showTable: t("activities.common.chart.showTable"), category: t("activities.monthly.item"), total: t("activities.common.total"), missing: t("activities.monthly.summary.notReported") };
  const reload = `${BASE}?fy=${fy}${list.params.start === "1" ? "&start=1" : ""}`;

  return (
    <div className="space-y-6">
      {header}
      <div className="rounded-md border border-slate-300 bg-white p-4 shadow-sm">
        <FilterForm key={list.formKey} action={BASE} label={t("activities.common.fiscalYear")}>
          <div className="flex flex-wrap items-end gap-4">
            <div className="w-full max-w-xs">
              <YearField t={t} locale={locale} list={{ ...list, fiscalYear: fy, years: list.years }} base={BASE} />
            </div>
            {list.params.start === "1" && <input type="hidden" name="start" value="1" />}
            <Button type="submit">{t("activities.common.filters.apply")}</Button>
          </div>
        </FilterForm>
      </div>

      <SummaryPanel id="monthly-summary-heading" title={t("activities.monthly.summary.title", { fy: fyLabel })}>
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
          <StatCard label={t("activities.monthly.summary.calls")} value={(summary.phone?.callsTotal ?? 0).toLocaleString("ja-JP")} hint={t("activities.monthly.summary.callsHint", { months: summary.phone?.months ?? 0 })} />
          <StatCard label={t("activities.monthly.summary.nightShare")} value={pct(summary.phone?.nightSharePercent ?? null)} hint={t("activities.monthly.summary.nightShareHint")} />
          <StatCard label={t("activities.monthly.summary.unique")} value={(summary.phone?.uniqueCallersSum ?? 0).toLocaleString("ja-JP")} hint={t("activities.monthly.summary.uniqueHint")} />
          <StatCard label={t("activities.monthly.summary.nights")} value={(summary.hostel?.nights ?? 0).toLocaleString("ja-JP")} hint={t("activities.monthly.summary.nightsHint", { n: summary.hostel?.stays ?? 0 })} />
          <StatCard label={t("activities.monthly.summary.occupancy")} value={pct(summary.hostel?.occupancyPercent ?? null)} hint={t("activities.monthly.summary.occupancyHint")} />
        </div>
        <div className="grid gap-6 xl:grid-cols-2">
          <ColumnChart
            caption={t("activities.monthly.summary.callsChart")}
            categories={categories}
            series={[
              { key: "day", label: t("activities.monthly.phone.fields.bandDay"), color: "#0e5966" },
              { key: "night", label: t("activities.monthly.phone.fields.bandNight"), color: "#4a99a6" },
              { key: "lateNight", label: t("activities.monthly.phone.fields.bandLateNight"), color: "#1e293b" },
            ]}
            values={Object.fromEntries(summary.phoneMonths.map((m) => [m.month, { day: m.day, night: m.night, lateNight: m.lateNight }]))}
            labels={chartLabels}
          />
          <ColumnChart
            caption={t("activities.monthly.summary.nightsChart")}
            categories={summary.hostelMonths.map((m) => ({ key: m.month, label: monthLabel(m.month, locale), missing: !m.reported }))}
            series={[{ key: "nights", label: t("activities.monthly.summary.nights"), color: "#0e5966" }]}
            values={Object.fromEntries(summary.hostelMonths.map((m) => [m.month, { nights: m.nights }]))}
            labels={chartLabels}
          />
        </div>
      </SummaryPanel>

      <ReportSection
        report="phone"
        table={phone}
        action={savePhoneTableAction}
        rows={phoneRows(t)}
        values={(figures) => asText(figures)}
        t={t}
        locale={locale}
        fyLabel={fyLabel}
        reloadHref={reload}
      />
      <ReportSection
        report="hostel"
        table={hostel}
        action={saveHostelTableAction}
        rows={hostelRows(t)}
        values={(figures) => asText(figures, { rooms: "2" })}
        t={t}
        locale={locale}
        fyLabel={fyLabel}
        reloadHref={reload}
      />
    </div>
  );
}

/** One report's year: the table to fill in for the prefecture, the same figures read-only for offices. */
function ReportSection({
  report,
  table,
  action,
  rows,
  values,
  t,
  locale,
  fyLabel,
  reloadHref,
}: {
  report: "phone" | "hostel";
  table: MonthlyTableData<PhoneMonthFigures> | MonthlyTableData<HostelMonthFigures>;
  action: (prev: ActivityFormState, formData: FormData) => Promise<ActivityFormState>;
  rows: FieldRow[];
  /** A month's figures as the form's cells show them (a month not reported yet may start with some). */
  values: (figures: Record<string, number | null> | null) => Record<string, string>;
  t: Translate;
  locale: Locale;
  fyLabel: string;
  reloadHref: string;
}) {
  const months = table.months.map((m) => ({ month: m.month, version: m.version, figures: m.figures as Record<string, number | null> | null }));
  const caption = t(`activities.monthly.${report}.caption`);
  return (
    <section aria-labelledby={`${report}-heading`} className="space-y-3">
      <h2 id={`${report}-heading`} className="text-lg font-semibold text-slate-900">
        {t(`activities.monthly.${report}.title`, { fy: fyLabel })}
      </h2>
      <p className="text-sm text-slate-700">{table.canEdit ? t(`activities.monthly.${report}.lead`) : t("activities.monthly.readOnly")}</p>
      <ExportButtons list={report} query={{ fy: String(table.fiscalYear) }} />
      {table.canEdit ? (
        <MonthlyTableForm
          key={`${report}-${table.fiscalYear}`}
          action={action}
          report={report}
          fiscalYear={table.fiscalYear}
          months={months.map((m) => ({ month: m.month, version: m.version, values: values(m.figures) }))}
          rows={rows}
          caption={caption}
          saveLabel={t(`activities.monthly.${report}.save`)}
          reloadHref={reloadHref}
          testId={`${report}-table`}
        />
      ) : (
        <MonthlyTable caption={caption} months={months} rows={rows} t={t} locale={locale} testId={`${report}-table`} />
      )}
    </section>
  );
}
