/*
 * The page floor (ADR 0058): what Next.js and React cost for a page that does nothing, measured in
 * the same run as the app. /api/health is the floor of a route handler; every page of the app also
 * pays for React rendering its RSC payload and then its HTML, which no route handler does. So the bench
 * builds an empty app (scripts/bench/empty-app: a root layout, one page rendered per request, its own
 * /api/health), serves it exactly as the app is served (scripts/serve.mjs, the same workers), and
 * times its page sequentially and under the same load as the case list.
 *
 * It is built into .next-empty-app/ inside the checkout (ignored by git, tsc and ESLint): Turbopack
 * resolves node_modules only under its root. A build is reused while its sources and the installed
 * Next.js are the same.
 */
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Endpoint } from "./endpoints";

export const EMPTY_APP_SOURCE = path.join("scripts", "bench", "empty-app");
export const EMPTY_APP_DIR = ".next-empty-app";
const STAMP = ".source-stamp";

/** The empty page's text: the bench counts an answer without it as an error. */
export const EMPTY_PAGE_TEXT = "empty page";

export const EMPTY_PAGE: Endpoint = {
  id: "emptyPage",
  label: "an empty Next.js page (page floor)",
  role: "anonymous",
  request: () => ({ path: "/", expect: { type: "html", contains: [EMPTY_PAGE_TEXT] } }),
};

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** What a build is made from: the empty app's files (names and contents) and the installed Next.js. */
export function sourceStamp(source = EMPTY_APP_SOURCE, nextPackage = path.join("node_modules", "next", "package.json")): string {
  const hash = crypto.createHash("sha256");
  for (const file of filesUnder(source)) hash.update(`${path.relative(source, file)}\0`).update(fs.readFileSync(file)).update("\0");
  hash.update((JSON.parse(fs.readFileSync(nextPackage, "utf8")) as { version: string }).version);
  return hash.digest("hex");
}

/** Build the empty app unless its build is current; returns its directory (absolute). Throws with the build's output on failure. */
export function buildEmptyApp(log: (m: string) => void): string {
  const dir = path.resolve(EMPTY_APP_DIR);
  const stamp = sourceStamp();
  const stampFile = path.join(dir, STAMP);
  if (fs.existsSync(path.join(dir, ".next", "BUILD_ID")) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === stamp) return dir;
  log(`building the page floor (${EMPTY_APP_SOURCE} into ${EMPTY_APP_DIR}/) …`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(path.resolve(EMPTY_APP_SOURCE), dir, { recursive: true });
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== "NEXT_DIST_DIR")) as NodeJS.ProcessEnv;
  const r = spawnSync(process.execPath, [path.resolve("node_modules", "next", "dist", "bin", "next"), "build"], {
    cwd: dir,
    env: { ...env, NEXT_TELEMETRY_DISABLED: "1" },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`the page floor's build failed (${r.status ?? r.signal}):\n${`${r.stdout}${r.stderr}`.trim().split("\n").slice(-20).join("\n")}`);
  fs.writeFileSync(stampFile, stamp);
  return dir;
}
