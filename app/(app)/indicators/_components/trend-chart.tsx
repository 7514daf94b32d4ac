import { ColumnChart } from "@/components/charts/column-chart";
import type { Locale } from "@/lib/domain/codes";
import { fiscalYearEraShort } from "@/lib/domain/era-labels";
import { formatNumber } from "@/lib/domain/indicators/format";
import type { IndicatorDefinition } from "@/lib/domain/indicators/types";
import type { Translate } from "@/lib/i18n/translate";

/** An indicator over the fiscal years, as columns; a year without a figure is marked, not drawn as zero. */
export function TrendChart({ t, locale, definition, years, values }: { t: Translate; locale: Locale; definition: IndicatorDefinition; years: number[]; values: (number | null)[] }) {
  const categories = years.map((fy, i) => ({ key: String(fy), label: fiscalYearEraShort(fy, locale), missing: values[i] === null }));
  const data = Object.fromEntries(years.map((fy, i) => [String(fy), { value: values[i] ?? 0 }]));
  return (
    <ColumnChart
      caption={t("indicators.trend.caption", { name: definition.name[locale], from: fiscalYearEraShort(years[0]!, locale), to: fiscalYearEraShort(years[years.length - 1]!, locale) })}
      categories={categories}
      series={[{ key: "value", label: t("indicators.trend.value"), color: "#0f766e" }]}
      values={data}
      labels={{ showTable: t("indicators.trend.showTable"), category: t("indicators.trend.year"), total: t("indicators.trend.value"), missing: t("indicators.trend.missing") }}
      formatValue={(n) => formatNumber(n, definition.unit)}
      integer={definition.kind === "count"}
    />
  );
}
