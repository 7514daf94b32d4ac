import { CategoryValueTable, ChartFigure, TableDisclosure } from "./chart-parts";

export type BarItem = { key: string; label: string; value: number };

/**
 * Horizontal bars for counts per category (kinds, sectors, professions). Labels are HTML, so
 * long Japanese labels wrap instead of being cut. The bars are decoration for sighted users
 * (aria-hidden); the same figures are in the table under the disclosure, which is what
 * assistive technology reads. No client JavaScript: it renders on the server.
 */
export function BarChart({
  caption,
  items,
  formatValue = (n) => n.toLocaleString("ja-JP"),
  labels,
  hideZero = false,
  empty,
}: {
  caption: string;
  items: BarItem[];
  formatValue?: (n: number) => string;
  /** Texts of the table alternative. */
  labels: { showTable: string; category: string; value: string };
  /** Leave out categories with 0 from the bars (the table still lists every one). */
  hideZero?: boolean;
  /** Shown instead of the bars when every value is 0. */
  empty?: string;
}) {
  const max = Math.max(1, ...items.map((i) => i.value));
  const shown = hideZero ? items.filter((i) => i.value > 0) : items;
  const allZero = items.every((i) => i.value === 0);
  return (
    <ChartFigure caption={caption}>
      {allZero && empty ? (
        <p className="text-sm text-slate-700">{empty}</p>
      ) : (
        <ul aria-hidden="true" className="space-y-1.5">
          {shown.map((item) => (
            <li key={item.key} className="grid grid-cols-[minmax(6.5rem,11rem)_1fr] items-center gap-3 text-sm">
              <span className="text-slate-800 [overflow-wrap:anywhere]">{item.label}</span>
              <span className="flex min-w-0 items-center gap-2">
                <span
                  className="h-4 shrink-0 rounded-sm bg-brand-700"
                  // A zero keeps a sliver, so the row does not look like missing data.
                  style={{ width: item.value === 0 ? "2px" : `${(item.value / max) * 80}%` }}
                />
                <span className="font-semibold whitespace-nowrap tabular-nums text-slate-900">{formatValue(item.value)}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      <TableDisclosure label={labels.showTable}>
        <CategoryValueTable
          caption={caption}
          headers={labels}
          rows={items.map((item) => ({ key: item.key, label: item.label, value: formatValue(item.value) }))}
          className="mt-2 border-collapse text-sm"
        />
      </TableDisclosure>
    </ChartFigure>
  );
}
