import clsx from "clsx";
import type { ReactNode } from "react";
import { focusRing } from "@/components/ui/button";

/*
 * The pieces the charts and the plain figure tables share: the figure with its caption, the
 * disclosure that holds a chart's table alternative (what assistive technology reads), and a
 * table of values per category.
 */

export function ChartFigure({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <figure className="space-y-2">
      <figcaption className="text-sm font-semibold text-slate-900">{caption}</figcaption>
      {children}
    </figure>
  );
}

/** The chart's figures as a table, behind "show as a table". */
export function TableDisclosure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <details className="text-sm">
      <summary className={clsx("inline-block cursor-pointer rounded-sm text-brand-800 underline underline-offset-2", focusRing)}>{label}</summary>
      {children}
    </details>
  );
}

/** A column header of a figure table; figures are right-aligned. */
export function ColumnHeader({ align = "left", children }: { align?: "left" | "right"; children: ReactNode }) {
  return (
    <th scope="col" className={clsx("px-3 py-1.5 text-xs font-semibold text-slate-700", align === "left" ? "text-left" : "text-right")}>
      {children}
    </th>
  );
}

/**
 * One value per category (kinds, sectors, professions), optionally with a total row. The
 * caption is for screen readers; the figure or card around it shows its own title.
 */
export function CategoryValueTable({
  caption,
  headers,
  rows,
  total,
  className,
  testId,
}: {
  caption: string;
  headers: { category: string; value: string };
  rows: { key: string; label: string; value: string; muted?: boolean }[];
  total?: { label: string; value: string };
  className: string;
  testId?: string;
}) {
  return (
    <table className={className} data-testid={testId}>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="bg-slate-100">
          <ColumnHeader>{headers.category}</ColumnHeader>
          <ColumnHeader align="right">{headers.value}</ColumnHeader>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className="border-t border-slate-200">
            <th scope="row" className="px-3 py-1.5 text-left font-normal">
              {r.label}
            </th>
            <td className={clsx("px-3 py-1.5 text-right tabular-nums", r.muted && "text-slate-600")}>{r.value}</td>
          </tr>
        ))}
      </tbody>
      {total && (
        <tfoot>
          <tr className="border-t-2 border-slate-400">
            <th scope="row" className="px-3 py-1.5 text-left font-semibold">
              {total.label}
            </th>
            <td className="px-3 py-1.5 text-right font-semibold tabular-nums">{total.value}</td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}
