/**
 * Small-cell suppression for prefecture staff (domain brief §7.2): below the prefecture, a
 * count of persons from 1 to 4 reads 「5未満」. When one cell of a set shown beside its total
 * is hidden, its value could be worked out from the total and the others, so a second cell is
 * hidden as well (complementary suppression): the smallest remaining one, a non-zero one first.
 * Zero is never small (nobody to protect), but may be the complement.
 */
export const SMALL_CELL_LIMIT = 5;

export function isSmallCount(value: number | null | undefined): boolean {
  return typeof value === "number" && value >= 1 && value < SMALL_CELL_LIMIT;
}

/** The keys of the cells to hide, primary and complementary. */
export function suppressedCells<K>(cells: readonly { key: K; value: number | null }[]): Set<K> {
  const hidden = new Set(cells.filter((c) => isSmallCount(c.value)).map((c) => c.key));
  if (hidden.size === 1) {
    const rest = cells.filter((c) => !hidden.has(c.key) && typeof c.value === "number");
    const byValue = (a: { value: number | null }, b: { value: number | null }) => (a.value ?? 0) - (b.value ?? 0);
    const complement = rest.filter((c) => (c.value ?? 0) > 0).sort(byValue)[0] ?? rest.sort(byValue)[0];
    if (complement) hidden.add(complement.key);
  }
  return hidden;
}
