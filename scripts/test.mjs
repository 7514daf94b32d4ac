#!/usr/bin/env node
// `npm test`: lint, typecheck, unit tests, then Playwright e2e in headless Chromium.
// Ends with one line "N passed, N failed" summing unit and e2e tests (also written to
// test-results/summary.txt for .ci/run). Exits non-zero on any failure.
//   --skip-e2e   stop after the unit tests (fast local loop)
//   --unit-only  run the unit tests alone (no lint, typecheck or e2e); extra arguments that
//                end in .test.ts pick the files, e.g. `npm run test:unit -- tests/dal/peers.test.ts`
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildIfNeeded } from "./lib/build.mjs";

const unitOnly = process.argv.includes("--unit-only");
const skipE2e = unitOnly || process.argv.includes("--skip-e2e");
const pickedFiles = process.argv.slice(2).filter((a) => a.endsWith(".test.ts"));
const bin = (name) => path.join("node_modules", ".bin", name);
const results = { passed: 0, failed: 0 };
let ok = true;
fs.mkdirSync("test-results", { recursive: true });

function step(title, command, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`✖ ${title} failed`);
    ok = false;
  }
  return r.status === 0;
}

function finish() {
  const line = `${results.passed} passed, ${results.failed} failed`;
  fs.writeFileSync(path.join("test-results", "summary.txt"), `${line}\n`);
  console.log(`\n${line}`);
  process.exit(ok && results.failed === 0 ? 0 : 1);
}

/** Chromium for Playwright: CHROMIUM_PATH, /usr/bin/chromium, or apt-get it when we can. */
function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].filter(Boolean);
  const found = candidates.find((p) => fs.existsSync(p));
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (found) {
    // The headless shell (playwright.config.ts prefers it: a third less browser CPU, ADR 0047) is
    // optional: without it the suite runs on the full Chromium.
    const shell = process.env.CHROMIUM_HEADLESS_SHELL || "/usr/lib/chromium/chromium-headless-shell";
    if (shell !== "none" && !fs.existsSync(shell) && isRoot && fs.existsSync("/etc/debian_version")) {
      console.log("Installing chromium-headless-shell with apt-get (the e2e browser; optional)…");
      spawnSync("apt-get", ["install", "-y", "-qq", "chromium-headless-shell"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    }
    return found;
  }
  if (isRoot && fs.existsSync("/etc/debian_version")) {
    console.log("Chromium not found: installing chromium and fonts-noto-cjk with apt-get…");
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    const r = spawnSync("apt-get", ["install", "-y", "-qq", "chromium", "chromium-headless-shell", "fonts-noto-cjk"], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    if (r.status === 0 && fs.existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  }
  return null;
}

if (!unitOnly) {
  step("Lint (eslint)", bin("eslint"), ["--max-warnings=0", "."]);
  step("Typecheck (tsc)", bin("tsc"), ["--noEmit"]);
}

// Unit tests: node's runner, one process per file, TAP copy parsed for the counts.
const unitFiles = [];
(function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p);
    else if (entry.name.endsWith(".test.ts")) unitFiles.push(p);
  }
})("tests");
const tapFile = path.join("test-results", "unit.tap");
step("Unit tests (node:test)", process.execPath, [
  "--conditions=react-server",
  "--import",
  "tsx",
  "--test",
  // Node's default is one file at a time on a 2-core machine (cores - 1); each file is its own
  // process with its own in-memory database, so two at once is safe and keeps CI under 30 minutes.
  "--test-concurrency=2",
  "--test-reporter=spec",
  "--test-reporter-destination=stdout",
  "--test-reporter=tap",
  `--test-reporter-destination=${tapFile}`,
  ...(pickedFiles.length ? pickedFiles : unitFiles.sort()),
]);
if (fs.existsSync(tapFile)) {
  const tap = fs.readFileSync(tapFile, "utf8");
  results.passed += Number(/^# pass (\d+)/m.exec(tap)?.[1] ?? 0);
  results.failed += Number(/^# fail (\d+)/m.exec(tap)?.[1] ?? 0);
}

if (skipE2e) finish();

const chromium = findChromium();
if (!chromium) {
  console.error("E2E needs Chromium: install Debian's `chromium` and `fonts-noto-cjk` (or set CHROMIUM_PATH), then run npm test again.");
  ok = false;
  finish();
}

console.log("\n▶ Build for e2e (next build)");
// The typecheck step above ran on these sources (a failure there already fails npm test): the build need not repeat it.
if (!buildIfNeeded({ typechecked: true })) {
  ok = false;
  finish();
}
const e2eJson = path.join("test-results", "e2e.json");
fs.rmSync(e2eJson, { force: true });
step("E2E tests (Playwright)", bin("playwright"), ["test"], { CHROMIUM_PATH: chromium, PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson });
if (fs.existsSync(e2eJson)) {
  const { stats } = JSON.parse(fs.readFileSync(e2eJson, "utf8"));
  results.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  results.failed += stats.unexpected ?? 0;
} else {
  ok = false;
}
finish();
