import Link from "next/link";
import clsx from "clsx";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { focusRing } from "@/components/ui/button";
import { TableRegion, tdClass, thClass } from "@/components/ui/table-region";
import type { Locale } from "@/lib/domain/codes";
import { formatFigure, formatTarget, SMALL_CELL_TEXT, STATUS_LABELS } from "@/lib/domain/indicators/format";
import type { TargetStatus } from "@/lib/domain/indicators/types";
import type { IndicatorFigure } from "@/lib/dal/indicators";
import type { Translate } from "@/lib/i18n/translate";

export const STATUS_TONES: Record<TargetStatus, BadgeTone> = {
  achieved: "success",
  not_achieved: "danger",
  in_progress: "info",
  no_target: "neutral",
  not_computable: "warning",
  qualitative: "neutral",
};

/** One group of indicators: name (to its page), actual, target and status, each figure explained. */
export function FigureTable({ t, locale, caption, figures, query }: { t: Translate; locale: Locale; caption: string; figures: IndicatorFigure[]; query: string }) {
  return (
    <TableRegion caption={caption} className="overflow-x-auto rounded-md border border-slate-200">
      <thead className="bg-slate-100">
        <tr>
          <th scope="col" className={thClass}>
            {t("indicators.columns.indicator")}
          </th>
          <th scope="col" className={clsx(thClass, "w-40 text-right")}>
            {t("indicators.columns.actual")}
          </th>
          <th scope="col" className={clsx(thClass, "w-48")}>
            {t("indicators.columns.target")}
          </th>
          <th scope="col" className={clsx(thClass, "w-36")}>
            {t("indicators.columns.status")}
          </th>
        </tr>
      </thead>
      <tbody>
        {figures.map((f) => {
          const d = f.definition;
          return (
            <tr key={d.code} className="border-t border-slate-200" data-indicator={d.code}>
              <th scope="row" className={clsx(tdClass, "text-left font-normal")}>
                <Link href={`/indicators/${encodeURIComponent(d.code)}${query}`} className={clsx("rounded-sm font-medium text-brand-800 underline underline-offset-2 hover:text-brand-900", focusRing)}>
                  {d.name[locale]}
                </Link>
                <span className="ml-2 text-xs text-slate-600">{d.code}</span>
                {d.ownMeasure && (
                  <span className="ml-2" title={t("indicators.ownMeasureHint")}>
                    <Badge tone="info">{t("indicators.ownMeasure")}</Badge>
                  </span>
                )}
                {f.breakdown && f.breakdown.length > 0 && !f.suppressed && (
                  <span className="mt-0.5 block text-xs text-slate-700">
                    {f.breakdown.map((b) => `${b.label[locale]} ${b.suppressed ? SMALL_CELL_TEXT[locale] : b.value === null ? "—" : b.value.toLocaleString("ja-JP")}`).join("・")}
                  </span>
                )}
                {f.notComputable && (
                  <span className="mt-0.5 block text-xs text-amber-900">
                    {f.notComputable.reason[locale]}
                  </span>
                )}
                {f.source && (
                  <span className="mt-0.5 block text-xs text-slate-600">{f.source.label}</span>
                )}
              </th>
              <td className={clsx(tdClass, "text-right text-base font-semibold whitespace-nowrap tabular-nums")} data-testid={`value-${d.code}`}>
                {d.kind === "qualitative" && f.text ? <span className="text-sm font-normal">{f.text[locale]}</span> : formatFigure(f, d.unit, d.kind, locale)}
              </td>
              <td className={clsx(tdClass, "whitespace-nowrap")}>{formatTarget(f.target, d.unit, locale, { fiscalYear: f.fiscalYear }) || "—"}</td>
              <td className={tdClass}>
                <Badge tone={STATUS_TONES[f.achievement.status]}>{STATUS_LABELS[f.achievement.status][locale]}</Badge>
                {f.achievement.progressPercent !== null && <span className="ml-2 text-xs text-slate-700 tabular-nums">{f.achievement.progressPercent}%</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </TableRegion>
  );
}
