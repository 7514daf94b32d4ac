/*
 * The bench's database (ADR 0049): a given file as it is (never copied: it may be 1–2 GB; the
 * server writes to it as it always does, audit rows of the bench's views included), or a new one in
 * a temporary folder that the run removes.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Scale } from "./args";

export type BenchDatabase = { file: string; generated: boolean; source: string; cleanup: () => void };

/** Whether this checkout has the synthetic generator (`npm run db:synth`, issue 14). */
export function hasSynth(packageJson = "package.json"): boolean {
  const pkg = JSON.parse(fs.readFileSync(packageJson, "utf8")) as { scripts?: Record<string, string> };
  return !!pkg.scripts?.["db:synth"];
}

/**
 * Write a database of `scale` to `out`. With `npm run db:synth` it is the synthetic country or
 * prefecture; without it (a checkout before the generator), nothing is written and the server seeds
 * the demo data into the empty file on start, which is the prefecture-scale stand-in.
 */
export function generateDatabase(scale: Scale, out: string, log: (m: string) => void): string {
  if (!hasSynth()) {
    log(`npm run db:synth is not in this checkout: the server seeds the demo data (two prefectures, about 300 cases) into ${out}; --scale ${scale} is not honoured`);
    return "demo data (seeded by the server on start)";
  }
  log(`generating a ${scale}-scale database with npm run db:synth …`);
  const r = spawnSync("npm", ["run", "-s", "db:synth", "--", "--scale", scale, "--out", out], { stdio: "inherit" });
  if (r.status !== 0) throw new Error(`npm run db:synth failed (${r.status ?? r.signal})`);
  return `npm run db:synth -- --scale ${scale}`;
}

export function prepareDatabase(opts: { db?: string; scale: Scale }, log: (m: string) => void): BenchDatabase {
  if (opts.db) {
    const file = path.resolve(opts.db);
    if (!fs.existsSync(file)) throw new Error(`--db ${opts.db}: no such file`);
    return { file, generated: false, source: `--db ${opts.db}`, cleanup: () => {} };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsunagu-bench-"));
  fs.chmodSync(dir, 0o700);
  const file = path.join(dir, "bench.db");
  const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    return { file, generated: true, source: generateDatabase(opts.scale, file, log), cleanup };
  } catch (e) {
    cleanup();
    throw e;
  }
}
