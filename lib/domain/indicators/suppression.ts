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

/**
 * Suppression over two levels shown together (regions and the offices in them, below a
 * prefecture total that is shown): hidden cells must not be derivable from any sum.
 * - within the regions (they add up to the shown total), and within each shown region's offices
 *   (they add up to the region), a hidden cell is never alone: a complement is hidden with it;
 * - a hidden region keeps at least two of its offices hidden (else the one hidden office is the
 *   region minus the others), or all of them when it has only one;
 * - an office alone in its region goes with its region, either way.
 * Repeated until nothing changes. Keys must be unique across both levels.
 */
export type RegionCells<K> = { key: K; value: number | null; offices: { key: K; value: number | null }[] };

export function suppressedHierarchy<K>(regions: readonly RegionCells<K>[]): Set<K> {
  const hidden = new Set<K>();
  for (const r of regions) {
    if (isSmallCount(r.value)) hidden.add(r.key);
    for (const o of r.offices) if (isSmallCount(o.value)) hidden.add(o.key);
  }
  const complementOf = (cells: readonly { key: K; value: number | null }[]): K | null => {
    const rest = cells.filter((c) => !hidden.has(c.key) && typeof c.value === "number");
    const byValue = (a: { value: number | null }, b: { value: number | null }) => (a.value ?? 0) - (b.value ?? 0);
    return (rest.filter((c) => (c.value ?? 0) > 0).sort(byValue)[0] ?? rest.sort(byValue)[0])?.key ?? null;
  };
  let changed = true;
  while (changed) {
    changed = false;
    const hide = (key: K | null) => {
      if (key !== null && !hidden.has(key)) {
        hidden.add(key);
        changed = true;
      }
    };
    if (regions.filter((r) => hidden.has(r.key)).length === 1) hide(complementOf(regions));
    for (const r of regions) {
      const hiddenOffices = r.offices.filter((o) => hidden.has(o.key));
      if (r.offices.length === 1) {
        if (hidden.has(r.key) || hiddenOffices.length > 0) {
          hide(r.key);
          hide(r.offices[0]!.key);
        }
        continue;
      }
      if (hidden.has(r.key)) {
        // The region's value is unknown, but it must not be recoverable from its offices.
        while (r.offices.filter((o) => hidden.has(o.key)).length < 2) {
          const c = complementOf(r.offices);
          if (c === null) break;
          hide(c);
        }
      } else if (hiddenOffices.length === 1) {
        hide(complementOf(r.offices));
      }
    }
  }
  return hidden;
}
