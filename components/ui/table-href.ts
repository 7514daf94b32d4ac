/** Query values as Next passes them to a page; arrays come from repeated keys (?a=1&a=2). */
export type QueryParams = Record<string, string | string[] | undefined>;

/**
 * A link to `basePath` with the current query plus `changes`. An undefined (or empty)
 * value removes the parameter, so cleared filters and page 1 leave no trace in the URL.
 */
export function tableHref(
  basePath: string,
  searchParams: QueryParams,
  changes: Record<string, string | undefined>,
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    if (key in changes) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== "") query.append(key, item);
    }
  }
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined && value !== "") query.set(key, value);
  }
  const qs = query.toString();
  return qs ? `${basePath}?${qs}` : basePath;
}

export type PageItem = number | "gap";

/**
 * The page numbers to show for `current` of `last`: always the first, the last and the
 * neighbours of the current one, with "gap" for each skipped run. A gap never hides a
 * single page, because the number takes no more room than the ellipsis would.
 */
export function pageItems(current: number, last: number): PageItem[] {
  if (last <= 1) return [1];
  // Seven slots is what the collapsed form uses at most (1 … 9 10 11 … 20), so list all.
  if (last <= 7) return Array.from({ length: last }, (_, i) => i + 1);
  const page = Math.min(Math.max(1, current), last);
  const shown = new Set<number>([1, last, page - 1, page, page + 1]);
  // Near either end, widen the window so the list keeps roughly the same length.
  if (page <= 3) for (let n = 2; n <= 4; n++) shown.add(n);
  if (page >= last - 2) for (let n = last - 3; n < last; n++) shown.add(n);
  const pages = [...shown].filter((n) => n >= 1 && n <= last).sort((a, b) => a - b);

  const items: PageItem[] = [];
  let previous = 0;
  for (const n of pages) {
    if (n - previous === 2) items.push(n - 1);
    else if (n - previous > 2) items.push("gap");
    items.push(n);
    previous = n;
  }
  return items;
}
