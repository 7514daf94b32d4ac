import { CategoryValueTable } from "@/components/charts/chart-parts";

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
    <CategoryValueTable
      caption={caption}
      headers={headers}
      rows={rows.map((r) => ({ key: r.key, label: r.label, value: r.value.toLocaleString("ja-JP"), muted: r.value === 0 }))}
      total={{ label: headers.total, value: total.toLocaleString("ja-JP") }}
      className="w-full border-collapse text-sm"
      testId="attendance-table"
    />
  );
}
