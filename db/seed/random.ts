/**
 * A tiny seeded pseudo-random generator for the demo data: the same seed gives the same
 * sequence on every machine and every run (no Math.random, no clock). Not for anything
 * that needs real randomness.
 */

/** 32-bit FNV-1a hash of a string, to derive a seed from a name such as an office id. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export type Rng = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** One key, with probability proportional to its weight (weights ≥ 0, at least one > 0). */
  weighted<K extends string>(weights: Readonly<Partial<Record<K, number>>>): K;
  /** A new generator whose sequence depends on this seed and `label` only. */
  fork(label: string): Rng;
};

/** mulberry32: small, fast and good enough for demo data. */
export function createRng(seed: number | string): Rng {
  const base = typeof seed === "string" ? hashSeed(seed) : seed >>> 0;
  let state = base;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng: Rng = {
    next,
    int(min, max) {
      if (max < min) throw new RangeError(`int: empty range ${min}..${max}`);
      return min + Math.floor(next() * (max - min + 1));
    },
    chance(p) {
      return next() < p;
    },
    pick(items) {
      if (items.length === 0) throw new RangeError("pick: empty list");
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    weighted(weights) {
      const entries = Object.entries(weights) as [string, number][];
      const total = entries.reduce((sum, [, w]) => sum + Math.max(0, w), 0);
      if (!(total > 0)) throw new RangeError("weighted: no positive weight");
      let r = next() * total;
      for (const [key, w] of entries) {
        if (w <= 0) continue;
        r -= w;
        if (r < 0) return key as never;
      }
      // Rounding can leave r at 0 after the last positive weight.
      return entries.filter(([, w]) => w > 0).at(-1)![0] as never;
    },
    fork(label) {
      return createRng((hashSeed(label) ^ Math.imul(base, 0x9e3779b1)) >>> 0);
    },
  };
  return rng;
}
