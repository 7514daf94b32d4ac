import type { Locale } from "@/lib/domain/codes";
import type { Translate } from "@/lib/i18n/translate";
import { MonthlyGrid, type FieldRow } from "./monthly-grid";

/** The same table read-only, for offices (the prefecture enters it). */
export function MonthlyTable({
  caption,
  months,
  rows,
  t,
  locale,
  testId,
}: {
  caption: string;
  months: { month: string; figures: Record<string, number | null> | null }[];
  rows: FieldRow[];
  t: Translate;
  locale: Locale;
  testId: string;
}) {
  return (
    <MonthlyGrid
      caption={caption}
      months={months}
      rows={rows}
      t={t}
      locale={locale}
      editable={false}
      testId={testId}
      cell={(r, m) => (
        <td key={m.month} className="px-2 py-1 text-right tabular-nums">
          {m.figures ? (m.figures[r.field] ?? "—").toLocaleString("ja-JP") : <span className="text-slate-500">—</span>}
        </td>
      )}
      total={(field) => months.reduce((s, m) => s + (m.figures?.[field] ?? 0), 0)}
    />
  );
}
