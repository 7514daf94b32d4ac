/** Attendance per sector or profession with its total, as a plain table (the detail pages). */
export function AttendanceTable({
  caption,
  rows,
  total,
  headers,
}: {
  caption: string;
  rows: { key: string; label: string; value: number }[];
  total: number;
  headers: { category: string; value: string; total: string };
}) {
  return (
    <table className="w-full border-collapse text-sm" data-testid="attendance-table">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="bg-slate-100">
          <th scope="col" className="px-3 py-1.5 text-left text-xs font-semibold text-slate-700">
            {headers.category}
          </th>
          <th scope="col" className="px-3 py-1.5 text-right text-xs font-semibold text-slate-700">
            {headers.value}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className="border-t border-slate-200">
            <th scope="row" className="px-3 py-1.5 text-left font-normal">
              {r.label}
            </th>
            <td className={`px-3 py-1.5 text-right tabular-nums ${r.value === 0 ? "text-slate-600" : ""}`}>{r.value.toLocaleString("ja-JP")}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="border-t-2 border-slate-400">
          <th scope="row" className="px-3 py-1.5 text-left font-semibold">
            {headers.total}
          </th>
          <td className="px-3 py-1.5 text-right font-semibold tabular-nums">{total.toLocaleString("ja-JP")}</td>
        </tr>
      </tfoot>
    </table>
  );
}
