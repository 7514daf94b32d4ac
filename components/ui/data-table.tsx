import Link from "next/link";
import clsx from "clsx";
import type { ReactNode } from "react";
import { getT } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n/translate";
import { pageItems, type RawSearchParams as QueryParams, tableHref } from "@/lib/list-url";
import { focusRing } from "./button";

export type Column<Row> = {
  key: string;
  header: string;
  sortable?: boolean;
  align?: "left" | "right";
  cell: (row: Row) => ReactNode;
};

type SortState = { key: string; dir: "asc" | "desc" };
type Pagination = { page: number; pageSize: number; total: number };

/**
 * A server-rendered table whose sorting and paging are plain links, so every state has a
 * URL that survives reload, back/forward and sharing with a colleague.
 */
export async function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  basePath,
  searchParams,
  sort,
  pagination,
  empty,
}: {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  basePath: string;
  searchParams: QueryParams;
  sort?: SortState;
  pagination?: Pagination;
  empty: ReactNode;
}): Promise<React.JSX.Element> {
  if (rows.length === 0) return <>{empty}</>;
  const t = await getT();

  return (
    <div className="space-y-3">
      {/* Focusable and named so keyboard users can scroll a table wider than a tablet screen.
          `relative` keeps the visually hidden header texts inside the scroll box on narrow screens. */}
      <div
        role="region"
        aria-label={caption}
        tabIndex={0}
        className={clsx("relative overflow-x-auto rounded-md border border-slate-300 bg-white shadow-sm", focusRing)}
      >
        <table className="min-w-full border-collapse text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-100">
            <tr>
              {columns.map((column) => (
                <HeaderCell key={column.key} column={column} sort={sort} t={t} basePath={basePath} searchParams={searchParams} />
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={rowKey(row)} className="border-t border-slate-200 even:bg-slate-50 hover:bg-brand-50">
                {columns.map((column) => (
                  <td
                    key={column.key}
                    className={clsx(
                      "px-3 py-2 align-top text-slate-900",
                      column.align === "right" ? "text-right tabular-nums whitespace-nowrap" : "text-left",
                    )}
                  >
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pagination && <Pager {...pagination} t={t} basePath={basePath} searchParams={searchParams} />}
    </div>
  );
}

function HeaderCell<Row>({
  column,
  sort,
  t,
  basePath,
  searchParams,
}: {
  column: Column<Row>;
  sort?: SortState;
  t: Translate;
  basePath: string;
  searchParams: QueryParams;
}) {
  const className = clsx(
    "px-3 py-2 text-xs font-semibold tracking-wide whitespace-nowrap text-slate-700",
    column.align === "right" ? "text-right" : "text-left",
  );
  if (!column.sortable) {
    return (
      <th scope="col" className={className}>
        {column.header}
      </th>
    );
  }

  const current = sort?.key === column.key ? sort.dir : undefined;
  const next = current === "asc" ? "desc" : "asc";
  const href = tableHref(basePath, searchParams, { sort: column.key, dir: next, page: undefined });
  return (
    <th
      scope="col"
      aria-sort={current === "asc" ? "ascending" : current === "desc" ? "descending" : "none"}
      className={className}
    >
      <Link
        href={href}
        className={clsx(
          "inline-flex items-center gap-1 rounded-sm underline-offset-2 hover:text-brand-800 hover:underline",
          column.align === "right" && "flex-row-reverse",
          current && "text-brand-800",
          focusRing,
        )}
      >
        <span>
          {column.header}
          <span className="sr-only">{t(next === "asc" ? "ui.table.sortAscending" : "ui.table.sortDescending")}</span>
        </span>
        <SortIcon dir={current} />
      </Link>
    </th>
  );
}

/** Both arrows when unsorted, so sortable columns are recognisable before anyone clicks. */
function SortIcon({ dir }: { dir?: "asc" | "desc" }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 12 16" className="h-3.5 w-2.5 shrink-0" fill="currentColor">
      <path d="M6 1 11 6.5H1z" opacity={dir === "desc" ? 0.25 : dir === "asc" ? 1 : 0.5} />
      <path d="M6 15 1 9.5h10z" opacity={dir === "asc" ? 0.25 : dir === "desc" ? 1 : 0.5} />
    </svg>
  );
}

function Pager({
  page,
  pageSize,
  total,
  t,
  basePath,
  searchParams,
}: Pagination & { t: Translate; basePath: string; searchParams: QueryParams }) {
  const last = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, page), last);
  const from = total === 0 ? 0 : (current - 1) * pageSize + 1;
  const to = Math.min(current * pageSize, total);
  // Page 1 is the default, so its links drop the parameter instead of spelling it out.
  const hrefFor = (n: number) => tableHref(basePath, searchParams, { page: n === 1 ? undefined : String(n) });

  const linkClass = clsx(
    "inline-flex min-h-8 min-w-8 items-center justify-center rounded-md border px-2.5 text-sm",
    focusRing,
  );
  const enabled = "border-slate-300 bg-white text-brand-800 hover:bg-brand-50";
  const disabled = "border-slate-200 bg-slate-100 text-slate-600";

  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-slate-700 tabular-nums">
        {t("ui.table.summary", {
          total: total.toLocaleString("ja-JP"),
          from: from.toLocaleString("ja-JP"),
          to: to.toLocaleString("ja-JP"),
        })}
      </p>
      {last > 1 && (
        <nav aria-label={t("ui.table.pagination")}>
          <ul className="flex flex-wrap items-center gap-1">
            <li>
              {current > 1 ? (
                <Link href={hrefFor(current - 1)} rel="prev" className={clsx(linkClass, enabled)}>
                  {t("ui.table.previous")}
                </Link>
              ) : (
                <span aria-disabled="true" className={clsx(linkClass, disabled)}>
                  {t("ui.table.previous")}
                </span>
              )}
            </li>
            {pageItems(current, last).map((item, index) =>
              item === "gap" ? (
                <li key={`gap-${index}`} aria-hidden="true" className="px-1 text-slate-600">
                  …
                </li>
              ) : (
                <li key={item}>
                  <Link
                    href={hrefFor(item)}
                    aria-label={t("ui.table.page", { n: item })}
                    aria-current={item === current ? "page" : undefined}
                    className={clsx(
                      linkClass,
                      "tabular-nums",
                      item === current ? "border-brand-700 bg-brand-700 font-semibold text-white" : enabled,
                    )}
                  >
                    {item}
                  </Link>
                </li>
              ),
            )}
            <li>
              {current < last ? (
                <Link href={hrefFor(current + 1)} rel="next" className={clsx(linkClass, enabled)}>
                  {t("ui.table.next")}
                </Link>
              ) : (
                <span aria-disabled="true" className={clsx(linkClass, disabled)}>
                  {t("ui.table.next")}
                </span>
              )}
            </li>
          </ul>
        </nav>
      )}
    </div>
  );
}
