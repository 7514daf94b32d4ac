import type { Locale } from "@/lib/domain/codes";

/**
 * Twelve months of a fiscal year (April first) as bars. The figure is decorative for screen
 * readers; the same numbers are in a table right below it (visually hidden), so nothing is
 * only in the picture.
 */
export function MonthlyBars({ title, caption, unit, monthHeader, months, locale }: { title: string; caption: string; unit: string; monthHeader: string; months: { month: string; n: number }[]; locale: Locale }) {
  const max = Math.max(1, ...months.map((m) => m.n));
  const label = (month: string) => (locale === "ja" ? `${Number(month.slice(5, 7))}月` : new Date(`${month}-01T00:00:00Z`).toLocaleString("en", { month: "short", timeZone: "UTC" }));
  const width = 360;
  const height = 150;
  const bar = width / months.length;
  return (
    <figure className="rounded-md border border-slate-300 bg-white p-4 shadow-sm">
      <figcaption className="mb-2 text-sm font-semibold text-slate-900">{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height + 22}`} className="h-auto w-full" aria-hidden="true">
        {months.map((m, i) => {
          const h = Math.round((m.n / max) * height);
          return (
            <g key={m.month}>
              <rect x={i * bar + 4} y={height - h} width={bar - 8} height={h} rx="2" className="fill-brand-700" />
              {m.n > 0 && (
                <text x={i * bar + bar / 2} y={height - h - 3} textAnchor="middle" className="fill-slate-800 text-[10px]">
                  {m.n}
                </text>
              )}
              <text x={i * bar + bar / 2} y={height + 15} textAnchor="middle" className="fill-slate-700 text-[10px]">
                {label(m.month)}
              </text>
            </g>
          );
        })}
        <line x1="0" x2={width} y1={height} y2={height} className="stroke-slate-400" />
      </svg>
      <table className="sr-only">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{monthHeader}</th>
            <th scope="col">{unit}</th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.month}>
              <th scope="row">{label(m.month)}</th>
              <td>{m.n}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
