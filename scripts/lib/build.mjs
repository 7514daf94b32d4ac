// Builds the Next.js app when the sources changed since the last build, so `npm start`
// never serves a stale build and does not rebuild needlessly.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "db", "types", "public", "proxy.ts", "instrumentation.ts", "instrumentation-client.ts", "next.config.js", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];
const STAMP = path.join(".next", "tsunagu-source-hash");

function* files(entry) {
  if (!fs.existsSync(entry)) return;
  const stat = fs.statSync(entry);
  if (stat.isFile()) {
    yield entry;
    return;
  }
  for (const name of fs.readdirSync(entry).sort()) yield* files(path.join(entry, name));
}

export function sourceHash() {
  const hash = createHash("sha256");
  for (const source of SOURCES) {
    for (const file of files(source)) {
      hash.update(file);
      hash.update(fs.readFileSync(file));
    }
  }
  return hash.digest("hex");
}

/**
 * Run `next build` unless .next was built from exactly these sources. Returns false on failure.
 * `typechecked`: the caller has just run `tsc --noEmit` on these sources (npm test does), so the
 * build skips its own, identical type check (next.config.mjs reads TSUNAGU_TYPECHECKED).
 */
export function buildIfNeeded({ force = false, typechecked = false } = {}) {
  const hash = sourceHash();
  const built = fs.existsSync(path.join(".next", "BUILD_ID")) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8") === hash;
  if (built && !force) return true;
  console.log("[tsunagu] Building the app (first start or changed sources; takes a minute or two)…");
  const result = spawnSync(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...(typechecked ? { TSUNAGU_TYPECHECKED: "1" } : {}) },
  });
  if (result.status !== 0) return false;
  fs.writeFileSync(STAMP, hash);
  return true;
}
