/**
 * `DATABASE_PATH=<db> npx tsx --conditions=react-server scripts/bench/profile-indicators.ts [--runs N] [--top K]`:
 * where the indicator paths' data-access time goes (issue 14). Times each of the three paths
 * (the sheet, the JSON API, the dashboard) as okayama.pref for the last whole fiscal year, then
 * runs each once more with every statement timed and prints the statements by total time.
 */
import { performance } from "node:perf_hooks";

const arg = (name: string, fallback: number) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback);

async function main() {
  const { getDb } = await import("@/db/client");
  const { hotPathContext } = await import("./hot-path-context");
  const { HOT_PATHS } = await import("./hot-paths");
  const db = getDb();
  const sqlite = (db as unknown as { $client: import("better-sqlite3").Database }).$client;
  const ctx = hotPathContext(db);
  const runs = arg("--runs", 30);
  const top = arg("--top", 12);
  const paths = HOT_PATHS.filter((p) => /sheet|API|dashboard/.test(p.name));

  for (const p of paths) {
    await p.run(ctx);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await p.run(ctx);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    console.log(`${p.name.padEnd(36)} p50 ${times[Math.floor(runs / 2)]!.toFixed(1).padStart(7)} ms  min ${times[0]!.toFixed(1).padStart(7)} ms  (${runs} runs)`);
  }

  // The connection keeps prepared statements (db/statement-cache.ts): wrap each statement once,
  // and count its runs into the path being profiled.
  type Stat = { n: number; ms: number; rows: number };
  let current: Map<string, Stat> | null = null;
  const wrapped = new WeakSet<object>();
  const prepare = sqlite.prepare;
  sqlite.prepare = function (this: import("better-sqlite3").Database, source: string) {
    const statement = prepare.call(this, source);
    if (wrapped.has(statement)) return statement;
    wrapped.add(statement);
    for (const method of ["all", "get", "run"] as const) {
      const original = statement[method] as (...args: unknown[]) => unknown;
      (statement as unknown as Record<string, unknown>)[method] = (...params: unknown[]) => {
        const t0 = performance.now();
        const out = original.apply(statement, params);
        if (current) {
          const s = current.get(source) ?? { n: 0, ms: 0, rows: 0 };
          s.n++;
          s.ms += performance.now() - t0;
          s.rows += Array.isArray(out) ? out.length : out ? 1 : 0;
          current.set(source, s);
        }
        return out;
      };
    }
    return statement;
  } as typeof sqlite.prepare;
  for (const p of paths) {
    const stats = new Map<string, Stat>();
    current = stats;
    const profiled = Math.max(1, Math.floor(runs / 3));
    const t0 = performance.now();
    for (let i = 0; i < profiled; i++) await p.run(ctx);
    const total = (performance.now() - t0) / profiled;
    current = null;
    for (const s of stats.values()) {
      s.n /= profiled;
      s.ms /= profiled;
      s.rows /= profiled;
    }
    const all = [...stats.entries()].sort((a, b) => b[1].ms - a[1].ms);
    const sqlMs = all.reduce((a, [, s]) => a + s.ms, 0);
    const calls = all.reduce((a, [, s]) => a + s.n, 0);
    console.log(`\n## ${p.name} (mean of ${profiled} timed runs): ${total.toFixed(1)} ms, SQL ${sqlMs.toFixed(1)} ms in ${calls} calls of ${all.length} statements`);
    for (const [source, s] of all.slice(0, top)) console.log(`${s.ms.toFixed(2).padStart(8)} ms ×${String(s.n).padStart(3)} rows ${String(s.rows).padStart(6)}  ${source.replace(/\s+/g, " ").slice(0, 230)}`);
  }
}

void main();
