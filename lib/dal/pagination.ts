/** Server-side paging and sorting parameters, parsed leniently from the URL. */
export type SortDir = "asc" | "desc";
export type PageRequest<K extends string> = { page: number; pageSize: number; sort: K; dir: SortDir };
export type Page<T> = { rows: T[]; total: number; page: number; pageSize: number };

export const PAGE_SIZES = [20, 50, 100] as const;

export function parsePageRequest<K extends string>(
  params: Record<string, string | undefined>,
  sortKeys: readonly K[],
  defaultSort: K,
): PageRequest<K> {
  const page = Math.max(1, Math.floor(Number(params.page)) || 1);
  const size = Number(params.size);
  const pageSize = (PAGE_SIZES as readonly number[]).includes(size) ? size : PAGE_SIZES[0];
  const sort = (sortKeys as readonly string[]).includes(params.sort ?? "") ? (params.sort as K) : defaultSort;
  const dir: SortDir = params.dir === "desc" ? "desc" : "asc";
  return { page, pageSize, sort, dir };
}
