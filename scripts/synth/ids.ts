import type { Rng } from "@/db/seed/random";

/*
 * ULID-shaped ids (26 Crockford base-32 characters: 48 bits of milliseconds, 80 random bits) drawn
 * from the seeded generator, so a synthetic database is a function of its seed. The `ulid` package
 * reads the clock and crypto randomness (and is slow at millions of ids); these ids sort by the
 * record's own date like the app's do.
 */

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** The 10 time characters of a ULID for an ISO date or timestamp. */
function timePart(ms: number): string {
  let out = "";
  let n = ms;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[n % 32]! + out;
    n = Math.floor(n / 32);
  }
  return out;
}

const timeCache = new Map<string, string>();

export function createIdSource(rng: Rng) {
  /** 80 random bits as 16 characters, from three 32-bit draws (16 × 5 = 80 bits, the last draw partly used). */
  const randomPart = () => {
    let out = "";
    for (let k = 0; k < 3; k++) {
      let n = Math.floor(rng.next() * 4294967296);
      const chars = k < 2 ? 6 : 4;
      for (let i = 0; i < chars; i++) {
        out += ALPHABET[n & 31]!;
        n >>>= 5;
      }
    }
    return out;
  };
  return {
    /** A new id whose time part is the day `date` (YYYY-MM-DD or a full timestamp). */
    at(date: string): string {
      let t = timeCache.get(date);
      if (t === undefined) {
        t = timePart(Date.parse(date.length === 10 ? `${date}T00:00:00.000Z` : date));
        if (timeCache.size < 50_000) timeCache.set(date, t);
      }
      return t + randomPart();
    },
  };
}

export type IdSource = ReturnType<typeof createIdSource>;
