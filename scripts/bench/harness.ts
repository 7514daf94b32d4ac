/**
 * What the benchmarks share: a throw-away database with the demo data, the demo accounts as
 * actors, and the timing loop. Import it before anything that opens the database: it points
 * DATABASE_PATH at a temporary file as it loads.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsunagu-bench-"));
process.env.DATABASE_PATH = path.join(dir, "bench.db");
process.env.TSUNAGU_DEMO_DATA = "on";

/** The migrated, seeded database and a lookup of demo accounts as actors. */
export async function openBenchDatabase() {
  const { getDb } = await import("@/db/client");
  const { prepareDatabase } = await import("@/db/seed");
  const { users } = await import("@/db/schema");
  const { loadActor } = await import("@/lib/dal/actor");
  const { eq } = await import("drizzle-orm");
  const db = getDb();
  await prepareDatabase(db);
  const actorNamed = (username: string) => {
    const u = db.select().from(users).where(eq(users.username, username)).get()!;
    return loadActor(u.id, u.sessionVersion)!;
  };
  return { db, actorNamed };
}

/** Time an insert of synthetic rows and say how many went in. */
export function timeInsert(what: string, insert: () => void): void {
  const t0 = performance.now();
  insert();
  console.log(`Inserted ${what} in ${Math.round(performance.now() - t0)} ms.`);
}

/** Each query once to warm up, then 20 times: prints the median and the 95th percentile. */
export function timeQueries(runs: [string, () => unknown][]): void {
  for (const [name, fn] of runs) {
    fn(); // warm-up
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const start = performance.now();
      fn();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(`${name.padEnd(42)} median ${times[10]!.toFixed(1).padStart(7)} ms   p95 ${times[18]!.toFixed(1).padStart(7)} ms`);
  }
}

/** Remove the throw-away database. */
export function closeBench(): void {
  fs.rmSync(dir, { recursive: true, force: true });
}
