#!/usr/bin/env node
// `npm run test:durability` (ADR 0045): crash safety and load without loss, proven against the
// production build over HTTP, the way a browser saves.
//
// 1. Crash: start the production server (as `npm start` serves it) on a fresh seeded database, drive a stream of saves (meetings, posted
//    as the browser posts a server action), SIGKILL the whole process group at a random moment,
//    restart, at least 10 times. Then: integrity_check ok, every save the client saw acknowledged is
//    present, none half-applied (every harness record has its create audit row), the audit chain
//    verifies (`npm run audit:verify`). One writer imports files of meetings meanwhile (the import
//    API, one transaction a file): every file wholly present or wholly absent, every acknowledged one present.
// 2. Load: 20 concurrent clients save for 30 s: every response a success, no SQLITE_BUSY in the
//    server's log, every acknowledged save present. Prints saves/s and p95 latency.
//
// Ends with "N passed, N failed" (one per check), also written to test-results/durability-summary.txt
// for .ci/run. Reuses the build `npm test` made (.next); builds only when it is missing or stale.
// Environment: DURABILITY_PORT (default 3199), DURABILITY_KILLS (default 10), DURABILITY_LOAD_SECONDS (30),
// DURABILITY_CLIENTS (20), CHROMIUM_PATH (sign-in, once).
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import Database from "better-sqlite3";
import { buildIfNeeded } from "../lib/build.mjs";

const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.node.js");

const PORT = process.env.DURABILITY_PORT || "3199";
const BASE = `http://127.0.0.1:${PORT}`;
const KILLS = Number(process.env.DURABILITY_KILLS || 10);
const LOAD_SECONDS = Number(process.env.DURABILITY_LOAD_SECONDS || 30);
const CLIENTS = Number(process.env.DURABILITY_CLIENTS || 20);
const DIR = path.join("data", "durability");
const DB = path.join(DIR, "tsunagu.db");
const LOG = path.join(DIR, "server.log");
const USER = "bizen.coord";
const OFFICE = "33-bizen";
const started = Date.now();

const checks = [];
function check(name, ok, detail = "") {
  checks.push({ name, ok });
  console.log(`${ok ? "✔" : "✘"} ${name}${detail ? ` (${detail})` : ""}`);
}
const log = (message) => console.log(`[durability] ${message}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// The server

const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== "TSUNAGU_TODAY")),
  DATABASE_PATH: DB,
  AUTH_SECRET: crypto.randomBytes(32).toString("hex"),
  AUTH_TRUST_HOST: "true",
  AUTH_URL: BASE,
  TSUNAGU_DEMO_DATA: "on",
  NEXT_TELEMETRY_DISABLED: "1",
  TSUNAGU_SIGNIN_FAILURES_PER_IP_PER_15MIN: "1000000",
  TSUNAGU_IMPORTS_PER_HOUR: "1000000",
};

let server = null;
async function startServer() {
  const out = fs.openSync(LOG, "a");
  // Served as `npm start` serves it (one worker per core, TSUNAGU_WORKERS overrides; ADR 0054): the
  // crash test kills every worker at once, the load test writes from all of them.
  const child = spawn(process.execPath, [path.join("scripts", "serve.mjs"), "-p", PORT, "-H", "127.0.0.1"], {
    env,
    stdio: ["ignore", out, out],
    detached: true, // its own process group: the kill takes the workers with it
  });
  fs.closeSync(out);
  server = child;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}); see ${LOG}`);
    try {
      const response = await fetch(`${BASE}/login`, { redirect: "manual" });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`the server did not answer within 120 s; see ${LOG}`);
}

function killServer(signal = "SIGKILL") {
  if (!server) return Promise.resolve();
  const child = server;
  server = null;
  const exited = child.exitCode !== null ? Promise.resolve() : new Promise((resolve) => child.once("exit", resolve));
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
  return exited;
}
process.on("exit", () => {
  if (server) {
    try {
      process.kill(-server.pid, "SIGKILL");
    } catch {
      // gone
    }
  }
});

// ---------------------------------------------------------------------------------------------
// Signing in (once, through the real form) and saving (a server action, as the browser posts it)

async function signIn() {
  const { chromium } = require("@playwright/test");
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium" });
  try {
    const page = await browser.newPage({ baseURL: BASE });
    await page.goto("/login");
    await page.getByRole("textbox", { name: "ユーザー名" }).fill(USER);
    await page.getByLabel("パスワード").fill("tsunagu-demo-2026");
    await page.getByRole("button", { name: "サインイン", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/");
    const cookies = await page.context().cookies();
    return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  } finally {
    await browser.close();
  }
}

function actionId(key) {
  const manifest = JSON.parse(fs.readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8"));
  for (const [id, entry] of Object.entries(manifest.node)) if (`${entry.filename}#${entry.exportedName}` === key) return id;
  throw new Error(`${key} is not in the build's server-reference manifest`);
}

/** Yesterday in Japan: a date every record type accepts, in an open year. */
function yesterdayJst() {
  return new Date(Date.now() + 9 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
}

let cookie = "";
let createMeeting = "";
let createCase = "";
const date = yesterdayJst();

/**
 * Post a form to a server action as the browser posts it, and read the record's id from the
 * redirect that answers it (`idPattern` on the redirect target): that answer is the acknowledgement.
 * Returns the id, or throws with what came back.
 */
async function postForm(page, actionId, fields, idPattern, what) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const body = await encodeReply([{ ok: false }, form]);
  const response = await fetch(`${BASE}${page}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Next-Action": actionId, Accept: "text/x-component", Origin: BASE, Cookie: cookie },
    body,
    signal: AbortSignal.timeout(20_000),
  });
  const target = response.headers.get("x-action-redirect") ?? response.headers.get("location") ?? "";
  const id = idPattern.exec(target)?.[1];
  await response.arrayBuffer().catch(() => {});
  if (!id) throw new Error(`no acknowledgement of ${what}: status ${response.status}, redirect "${target}"`);
  return id;
}

/**
 * One save: a new meeting. With next=new the action redirects to a new form copied from the saved
 * record, so the redirect names its id.
 */
function saveMeeting(title) {
  const fields = { kind: "case_review", date, title, officeId: OFFICE, regionId: "", kyogiBodyId: "", venue: "会議室", agenda: "", casesReviewed: "1", att_health: "2", next: "new" };
  return postForm("/activities/meetings/new", createMeeting, fields, /[?&]copy=([^&;]+)/, "a meeting");
}

/** Ids the case form needs, read from the seeded database (the server running: WAL readers are fine). */
let caseSample = null;
function readCaseSample() {
  const sqlite = new Database(DB, { readonly: true, fileMustExist: true });
  try {
    return {
      hospitalId: sqlite.prepare("SELECT id FROM hospitals WHERE prefecture_code = '33' AND active = 1 ORDER BY id LIMIT 1").get().id,
      coordinatorUserId: sqlite.prepare("SELECT id FROM users WHERE username = ?").get(USER).id,
      seeded: new Set(sqlite.prepare("SELECT id FROM cases").all().map((r) => r.id)),
    };
  } finally {
    sqlite.close();
  }
}

/**
 * One save of a new case (a new person, their encrypted identity, name tokens, the case and its
 * audit row: several tables in one transaction). The action redirects to the new case's page.
 */
function saveCase(n) {
  const fields = {
    familyName: "耐久", givenName: `試験${n}`, familyNameKana: "たいきゅう", givenNameKana: "しけん", dateOfBirth: "", birthYearMonth: "1970-05", sex: "male",
    municipalityCode: "332046", phone: "", address: "", officeId: OFFICE, personMode: "new", personId: "", confirmDuplicates: "yes",
    referralDate: date, referralSource: "hospital_psw", hospitalId: caseSample.hospitalId, wardType: "", indexAdmissionDate: "2010-04-01", admissionDatePrecision: "day",
    admissionType: "", diagnosisGroup: "", techoGrade: "", supportCategory: "", consentDate: date, consentScope: "support_and_sharing", supportStartDate: date,
    plannedDischargeDate: "", coordinatorUserId: caseSample.coordinatorUserId,
  };
  return postForm("/cases/new", createCase, fields, /^\/cases\/([^/?;]+)/, "a case");
}

/** Rows per import batch: enough that a commit takes long enough for kills to land inside it. */
const IMPORT_ROWS = 150;
/** Every import batch posted: { batch, acked }. Checked per batch in verifyDatabase. */
const importBatches = [];
let importHeader = null;

/**
 * One import of IMPORT_ROWS meetings through the import API (POST /api/v1/import/meetings?mode=commit,
 * multipart `file`, ADR 0043), one transaction for the whole file. Its rows carry the batch's tag in
 * their names; a 200 that created every row is the acknowledgement.
 */
async function saveImport(batch) {
  if (!importHeader) {
    // The template's own header and example row: the columns as the import reads them.
    const template = await fetch(`${BASE}/api/v1/import/templates/meetings.csv`, { headers: { Cookie: cookie } });
    const { parse } = require("csv-parse/sync");
    const [header, example] = parse(Buffer.from(await template.arrayBuffer()), { bom: true });
    importHeader = { header, example };
  }
  const { header, example } = importHeader;
  const dateColumn = header.indexOf("開催日");
  const titleColumn = header.indexOf("会議名");
  if (dateColumn < 0 || titleColumn < 0) throw new Error(`the meetings template lacks 開催日 or 会議名: ${header.join(",")}`);
  const quote = (v) => `"${String(v).replaceAll('"', '""')}"`;
  const lines = [header.map(quote).join(",")];
  for (let i = 0; i < IMPORT_ROWS; i++) {
    const row = [...example];
    row[dateColumn] = date;
    row[titleColumn] = `耐久import ${batch} #${i}`;
    lines.push(row.map(quote).join(","));
  }
  const form = new FormData();
  form.append("file", new Blob([lines.join("\r\n") + "\r\n"], { type: "text/csv" }), `${batch}.csv`);
  const entry = { batch, acked: false };
  importBatches.push(entry);
  const response = await fetch(`${BASE}/api/v1/import/meetings?mode=commit`, {
    method: "POST",
    headers: { Cookie: cookie, Origin: BASE },
    body: form,
    signal: AbortSignal.timeout(30_000),
  });
  const result = await response.json().catch(() => null);
  if (response.status !== 200 || result?.create !== IMPORT_ROWS) {
    throw new Error(`no acknowledgement of an import: status ${response.status}, ${JSON.stringify(result)?.slice(0, 200)}`);
  }
  entry.acked = true;
  return { kind: "import", id: batch };
}

/**
 * Every third save is a case, the others meetings; in the crash test one writer imports files of
 * IMPORT_ROWS meetings instead (a kill mid-commit must leave none of a file's rows). A new kind of
 * save is one more branch here and its check in verifyDatabase.
 */
async function save(label, n, { imports = false } = {}) {
  if (imports) return saveImport(`${label.replaceAll(" ", "-")}-${n}`);
  if (n % 3 === 2) return { kind: "case", id: await saveCase(n) };
  return { kind: "meeting", id: await saveMeeting(`耐久 ${label} #${n}`) };
}

// ---------------------------------------------------------------------------------------------
// The checks, on the database file itself (the server stopped)

function verifyDatabase(label, acked, batches = []) {
  const sqlite = new Database(DB, { readonly: true, fileMustExist: true });
  try {
    const integrity = sqlite.pragma("integrity_check", { simple: true });
    check(`${label}: integrity_check ok`, integrity === "ok", String(integrity));
    const meetings = new Set(sqlite.prepare("SELECT id FROM meetings WHERE title LIKE '耐久%'").all().map((r) => r.id));
    const cases = new Set(sqlite.prepare("SELECT id FROM cases").all().map((r) => r.id).filter((id) => !caseSample.seeded.has(id)));
    const missing = acked.filter((a) => a.kind !== "import" && !(a.kind === "case" ? cases : meetings).has(a.id));
    const ackedCases = acked.filter((a) => a.kind === "case").length;
    check(
      `${label}: every acknowledged save is present`,
      missing.length === 0,
      `${acked.length} acknowledged (${ackedCases} cases), ${missing.length} missing${missing.length ? `: ${missing.slice(0, 3).map((m) => m.id).join(", ")}` : ""}`,
    );
    const audited = (type) => new Set(sqlite.prepare("SELECT entity_id AS id FROM audit_logs WHERE action = 'create' AND entity_type = ?").all(type).map((r) => r.id));
    const auditedMeetings = audited("meeting");
    const auditedCases = audited("case");
    const whole = new Set(
      sqlite
        .prepare("SELECT c.id FROM cases c JOIN persons p ON p.id = c.person_id JOIN person_identities i ON i.person_id = p.id")
        .all()
        .map((r) => r.id),
    );
    const half = [...[...meetings].filter((id) => !auditedMeetings.has(id)), ...[...cases].filter((id) => !auditedCases.has(id) || !whole.has(id))];
    check(
      `${label}: none half-applied (every saved record has its audit row; every case its person and identity)`,
      half.length === 0,
      `${meetings.size} meetings and ${cases.size} cases saved, ${half.length} half-applied`,
    );
    if (batches.length) {
      const count = sqlite.prepare("SELECT count(*) AS n FROM meetings WHERE title LIKE ? || ' #%'");
      const partial = [];
      const lost = [];
      let whole = 0;
      for (const { batch, acked: ack } of batches) {
        const n = count.get(`耐久import ${batch}`).n;
        if (n === IMPORT_ROWS) whole++;
        else if (n !== 0) partial.push(`${batch}: ${n} of ${IMPORT_ROWS}`);
        if (ack && n !== IMPORT_ROWS) lost.push(batch);
      }
      const unacked = batches.filter((b) => !b.acked).length;
      check(
        `${label}: every import all or nothing (${IMPORT_ROWS} rows a file, one transaction)`,
        partial.length === 0 && lost.length === 0,
        `${batches.length} files posted, ${batches.length - unacked} acknowledged, ${whole} wholly present, ${unacked} cut by a kill${partial.length ? `; partial: ${partial.slice(0, 3).join("; ")}` : ""}${lost.length ? `; acknowledged but missing: ${lost.slice(0, 3).join(", ")}` : ""}`,
      );
    }
  } finally {
    sqlite.close();
  }
}

function auditVerify(label) {
  const r = spawnSync(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "--conditions=react-server", "scripts/audit-verify.ts"], {
    env: { ...env },
    encoding: "utf8",
  });
  check(`${label}: the audit chain verifies (npm run audit:verify)`, r.status === 0, (r.stdout + r.stderr).trim().split("\n").at(-1));
}

// ---------------------------------------------------------------------------------------------

async function crashTest() {
  const acked = [];
  let attempted = 0;
  let sequence = 0; // across writers and rounds, so that every third save is a case however short a round
  for (let round = 1; round <= KILLS; round++) {
    await startServer();
    if (!cookie) {
      cookie = await signIn();
      caseSample = readCaseSample();
    }
    let stop = false;
    const writer = async (w) => {
      while (!stop) {
        attempted++;
        const n = sequence++;
        try {
          acked.push(await save(`crash r${round} w${w}`, n, { imports: w === 0 }));
        } catch {
          if (!stop) await sleep(20); // an error before the kill would be counted by the load test; here only acks matter
        }
      }
    };
    const writers = [0, 1, 2, 3].map((w) => writer(w));
    await sleep(400 + Math.floor(Math.random() * 1600));
    await killServer("SIGKILL");
    stop = true;
    await Promise.all(writers);
  }
  log(`crash: ${KILLS} SIGKILLs mid-write, ${attempted} saves attempted, ${acked.length} acknowledged`);
  verifyDatabase("crash", acked, importBatches);
  auditVerify("crash");
}

async function loadTest() {
  await startServer();
  const acked = [];
  const latencies = [];
  const errors = [];
  const end = Date.now() + LOAD_SECONDS * 1000;
  const client = async (c) => {
    for (let n = 0; Date.now() < end; n++) {
      const t0 = performance.now();
      try {
        acked.push(await save(`load c${c}`, n));
        latencies.push(performance.now() - t0);
      } catch (e) {
        errors.push(e.message);
      }
    }
  };
  const t0 = Date.now();
  await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
  const seconds = (Date.now() - t0) / 1000;
  await killServer("SIGTERM");
  latencies.sort((a, b) => a - b);
  const p95 = latencies[Math.floor(latencies.length * 0.95)] ?? 0;
  const p50 = latencies[Math.floor(latencies.length * 0.5)] ?? 0;
  log(`load: ${CLIENTS} clients, ${seconds.toFixed(1)} s, ${acked.length} saves (${(acked.length / seconds).toFixed(1)} saves/s), p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, ${errors.length} errors`);
  check("load: every save answered with success", errors.length === 0 && acked.length > 0, errors.length ? `${errors.length} failed, first: ${errors[0]}` : `${acked.length} saves`);
  const busy = fs.readFileSync(LOG, "utf8").split("\n").filter((line) => /SQLITE_BUSY|database is locked/.test(line));
  check("load: no SQLITE_BUSY in the server log", busy.length === 0, busy[0] ?? "");
  verifyDatabase("load", acked);
  auditVerify("load");
}

async function main() {
  // A no-op when .next was built from these sources (CI: npm test has just built it).
  if (!buildIfNeeded()) throw new Error("the build failed");
  fs.rmSync(DIR, { recursive: true, force: true });
  fs.mkdirSync(DIR, { recursive: true, mode: 0o700 });
  createMeeting = actionId("app/(app)/activities/meetings/actions.ts#createMeetingAction");
  createCase = actionId("app/(app)/cases/new/actions.ts#createCaseAction");
  try {
    const t0 = Date.now();
    await crashTest();
    const t1 = Date.now();
    await loadTest();
    log(`crash test ${((t1 - t0) / 1000).toFixed(0)} s, load test ${((Date.now() - t1) / 1000).toFixed(0)} s (server starts included)`);
  } catch (e) {
    await killServer("SIGKILL");
    check("the durability run completed", false, e.message);
  }
}

await main();
const passed = checks.filter((c) => c.ok).length;
const failed = checks.length - passed;
log(`took ${((Date.now() - started) / 1000).toFixed(0)} s`);
const line = `${passed} passed, ${failed} failed`;
fs.mkdirSync("test-results", { recursive: true });
fs.writeFileSync(path.join("test-results", "durability-summary.txt"), `${line}\n`);
console.log(line);
process.exit(failed === 0 ? 0 : 1);
