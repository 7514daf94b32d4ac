import clsx from "clsx";
import type { ReactNode } from "react";
import type { Translate } from "@/lib/i18n/translate";

/** The year at a glance above a list: a card with its heading, then figures and charts. */
export function SummaryPanel({ id, title, className = "space-y-4", children }: { id: string; title: string; className?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={clsx(className, "rounded-md border border-slate-300 bg-white p-4 shadow-sm")}>
      <h2 id={id} className="text-base font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The texts of a bar chart's table alternative; counts are headed "value" unless the chart names its unit. */
export function barChartLabels(t: Translate, value: string = t("activities.common.chart.value")) {
  return { showTable: t("activities.common.chart.showTable"), category: t("activities.common.chart.category"), value };
}
