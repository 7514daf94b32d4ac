import { ChartFigure, ColumnHeader, TableDisclosure } from "./chart-parts";

export type ColumnSeries = { key: string; label: string; /** An SVG fill colour. */ color: string };
export type ColumnCategory = { key: string; label: string; /** Shown in place of the column when there is no value. */ missing?: boolean };

/** A round step for the value axis: 1, 2 or 5 times a power of ten, giving about four lines. */
export function niceStep(max: number): number {
  if (max <= 0) return 1;
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const m = rough / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

const W = 640;
const H = 220;
const LEFT = 44;
const BOTTOM = 24;
const TOP = 8;

/**
 * Stacked columns over a short sequence (the twelve months of a fiscal year), drawn as SVG
 * with a legend. The drawing is aria-hidden: the figure's table (behind the disclosure) has
 * every value, including the totals, and is what assistive technology reads.
 */
export function ColumnChart({
  caption,
  categories,
  series,
  values,
  labels,
  formatValue = (n) => n.toLocaleString("ja-JP"),
  integer = false,
}: {
  caption: string;
  categories: ColumnCategory[];
  series: ColumnSeries[];
  /** values[category][series] */
  values: Record<string, Record<string, number>>;
  labels: { showTable: string; category: string; total: string; missing: string };
  formatValue?: (n: number) => string;
  /** Whole numbers only (counts of people or meetings): no axis line at 0.5. */
  integer?: boolean;
}) {
  const totals = categories.map((c) => series.reduce((s, se) => s + (values[c.key]?.[se.key] ?? 0), 0));
  const step = integer ? Math.max(1, niceStep(Math.max(0, ...totals))) : niceStep(Math.max(0, ...totals));
  const top = Math.max(step, Math.ceil(Math.max(0, ...totals) / step) * step);
  const plotH = H - TOP - BOTTOM;
  const slot = (W - LEFT) / Math.max(1, categories.length);
  const barW = Math.min(36, slot * 0.62);
  const y = (v: number) => TOP + plotH - (v / top) * plotH;
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  return (
    <ChartFigure caption={caption}>
      {series.length > 1 && (
        <ul aria-hidden="true" className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-800">
          {series.map((s) => (
            <li key={s.key} className="flex items-center gap-1.5">
              <span className="inline-block size-3 rounded-sm" style={{ backgroundColor: s.color }} />
              {s.label}
            </li>
          ))}
        </ul>
      )}
      <svg aria-hidden="true" viewBox={`0 0 ${W} ${H}`} className="h-auto w-full max-w-3xl" role="presentation">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={LEFT} x2={W} y1={y(tick)} y2={y(tick)} stroke="#cbd5e1" strokeWidth={1} />
            <text x={LEFT - 6} y={y(tick) + 4} textAnchor="end" fontSize={11} fill="#334155">
              {formatValue(tick)}
            </text>
          </g>
        ))}
        {categories.map((c, i) => {
          const x = LEFT + i * slot + (slot - barW) / 2;
          let base = 0;
          return (
            <g key={c.key}>
              {c.missing ? (
                <text x={x + barW / 2} y={y(0) - 4} textAnchor="middle" fontSize={10} fill="#64748b">
                  –
                </text>
              ) : (
                series.map((s) => {
                  const v = values[c.key]?.[s.key] ?? 0;
                  const rect = <rect key={s.key} x={x} y={y(base + v)} width={barW} height={Math.max(0, y(base) - y(base + v))} fill={s.color} />;
                  base += v;
                  return rect;
                })
              )}
              <text x={x + barW / 2} y={H - 8} textAnchor="middle" fontSize={11} fill="#334155">
                {c.label}
              </text>
            </g>
          );
        })}
      </svg>
      <TableDisclosure label={labels.showTable}>
        <div className="mt-2 overflow-x-auto">
          <table className="border-collapse text-sm">
            <caption className="sr-only">{caption}</caption>
            <thead>
              <tr className="bg-slate-100">
                <ColumnHeader>{labels.category}</ColumnHeader>
                {series.map((s) => (
                  <ColumnHeader key={s.key} align="right">
                    {s.label}
                  </ColumnHeader>
                ))}
                {series.length > 1 && <ColumnHeader align="right">{labels.total}</ColumnHeader>}
              </tr>
            </thead>
            <tbody>
              {categories.map((c, i) => (
                <tr key={c.key} className="border-t border-slate-200">
                  <th scope="row" className="px-3 py-1.5 text-left font-normal whitespace-nowrap">
                    {c.label}
                  </th>
                  {c.missing ? (
                    <td colSpan={series.length + (series.length > 1 ? 1 : 0)} className="px-3 py-1.5 text-right text-slate-600">
                      {labels.missing}
                    </td>
                  ) : (
                    <>
                      {series.map((s) => (
                        <td key={s.key} className="px-3 py-1.5 text-right tabular-nums">
                          {formatValue(values[c.key]?.[s.key] ?? 0)}
                        </td>
                      ))}
                      {series.length > 1 && <td className="px-3 py-1.5 text-right font-semibold tabular-nums">{formatValue(totals[i]!)}</td>}
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </TableDisclosure>
    </ChartFigure>
  );
}
