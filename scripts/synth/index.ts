/**
 * `npm run db:synth -- --scale national|prefecture --out <file> [--seed N] [--force]`: write a
 * complete synthetic database (ADR 0048) that `DATABASE_PATH=<file> npm start` serves as it is.
 * Identities are encrypted with the key the app will use (TSUNAGU_DATA_KEY, or data.key beside the
 * file, created if there is none); the audit key is audit.key beside it likewise.
 */
import { OutputExistsError, synthesize, type Scale } from "./generate";

const USAGE = [
  "Usage: npm run db:synth -- --scale national|prefecture --out <file> [--seed N] [--force]",
  "  --scale national     47 prefectures, ten fiscal years, ~110,000 cases, ~2 million activities (a few minutes)",
  "  --scale prefecture   岡山県 alone, ten fiscal years, ~2,500 cases (seconds)",
  "  --seed N             the generator's seed (default 14); the same seed gives the same rows",
  "  --force              overwrite <file> if it exists",
].join("\n");

function parse(argv: string[]): { scale: Scale; out: string; seed: number; force: boolean } | string {
  let scale: string | null = null;
  let out: string | null = null;
  let seed = 14;
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--force") force = true;
    else if (a === "--scale") scale = argv[++i] ?? "";
    else if (a === "--out") out = argv[++i] ?? "";
    else if (a === "--seed") {
      const v = argv[++i] ?? "";
      if (!/^\d{1,9}$/.test(v)) return `--seed takes a whole number, not "${v}".`;
      seed = Number(v);
    } else return `Unknown argument: ${a}`;
  }
  // `tiny` is for the tests: a few dozen cases in three prefectures.
  if (scale !== "national" && scale !== "prefecture" && scale !== "tiny") return "--scale must be national or prefecture.";
  if (!out) return "--out <file> is required.";
  return { scale, out, seed, force };
}

if (process.argv.includes("--help") || process.argv.includes("-h")) {
  console.log(USAGE);
  process.exit(0);
}
const args = parse(process.argv.slice(2));
if (typeof args === "string") {
  console.error(`[tsunagu] ${args}\n${USAGE}`);
  process.exit(2);
}
async function main(args: { scale: Scale; out: string; seed: number; force: boolean }): Promise<void> {
  const summary = await synthesize({ ...args, log: (line) => console.log(`[synth] ${line}`) });
  const rows = Object.entries(summary.counts).filter(([, n]) => n > 0);
  const width = Math.max(...rows.map(([t]) => t.length));
  console.log(`[synth] ${args.scale} database, seed ${args.seed}: ${summary.file}, ${(summary.bytes / 1048576).toFixed(1)} MB, ${summary.seconds.toFixed(1)} s`);
  for (const [table, n] of rows) console.log(`  ${table.padEnd(width)}  ${n.toLocaleString("en")}`);
  console.log(`[synth] Serve it with: DATABASE_PATH=${summary.file} npm start   (demo accounts, password as in the README)`);
}

main(args).catch((e: unknown) => {
  console.error(`[tsunagu] ${e instanceof OutputExistsError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(1);
});
