/*
 * `npm run bench` (issue 14, ADR 0049): the built app against a national- or prefecture-scale
 * database, timed over loopback as the roles use it, beside its floors (the framework's own cost,
 * /api/health, an empty Next.js page, and hand-written SQL for the same numbers), a load test from a
 * separate process (and the same load on the empty page), and the JavaScript a browser transfers for
 * /cases/new. Prints one table and writes it as JSON.
 *
 * Budgets are printed with a mark; the exit code depends only on errors (a non-2xx answer, the
 * sign-in page or the wrong page, no answer within 10 s, the server dying). `--ci` is the short
 * prefecture-scale run of CI, which also writes test-results/bench-summary.txt ("N passed, N failed").
 */
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import path from "node:path";
import type Database from "better-sqlite3";
import { ArgumentError, parseBenchArgs, USAGE, type BenchOptions } from "./args";
import { classify, tallyErrors, type Classified } from "./classify";
import { prepareDatabase, type BenchDatabase } from "./database";
import { endpointsFor, loadTarget, type Endpoint, type Role } from "./endpoints";
import { buildFloors, openForWrites, openReadOnly, readWorkload, touchIndicatorInputs, type Floor, type Floors, type Workload } from "./floors";
import { keepAliveAgent, timedGet } from "./http";
import { runLoad as runLoadProcess, type LoadTarget } from "./load";
import { measureJs, type JsTransfer } from "./js-size";
import { buildEmptyApp, EMPTY_PAGE, EMPTY_PAGE_TEXT } from "./page-floor";
import { killServer, killServerNow, serverExited, startServer } from "./server";
import { actionId, signIn } from "./signin";
import { summarize } from "./stats";
import { formatFloorLoad, formatJs, formatLoad, formatResults, JS_BUDGET_KB, loadMark, toRow, type EndpointResult, type LoadResult } from "./table";

const PREFECTURE_USER = "okayama.pref";
const COORDINATOR = "bizen.coord";
const log = (message: string) => console.log(`[bench] ${message}`);

type Check = { name: string; ok: boolean; detail?: string };

/** Set on Ctrl-C / SIGTERM: the loops stop, the load generator is killed, the cleanup runs. */
let stopping = false;
let loadChild: ChildProcess | null = null;

async function buildApp(): Promise<void> {
  const modulePath = path.resolve("scripts/lib/build.mjs");
  const { buildIfNeeded } = (await import(modulePath)) as { buildIfNeeded: (o?: object) => boolean };
  // A no-op when .next was built from these sources (CI: npm test has just built it).
  if (!buildIfNeeded()) throw new Error("the build failed");
}

/**
 * Time `n` sequential requests of one endpoint over one keep-alive connection, after `warmup`
 * untimed ones. Each request is followed, in the same second, by its floors: one /api/health over a
 * second connection and one run of the endpoint's SQL (ADR 0049), so a slow minute of a shared
 * machine slows the figure and its floors alike and the ratio stays meaningful.
 */
async function timeEndpoint(
  base: string,
  e: Endpoint,
  cookie: string,
  n: number,
  warmup: number,
  floor: Floor | undefined,
  write: () => void,
): Promise<{ times: number[]; health: number[]; sql: number[]; verdicts: Classified[] }> {
  const agent = keepAliveAgent(1);
  const healthAgent = keepAliveAgent(1);
  const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
  const times: number[] = [];
  const health: number[] = [];
  const sql: number[] = [];
  const verdicts: Classified[] = [];
  const interleave = e.id !== "health";
  try {
    for (let i = 0; i < warmup + n && !stopping; i++) {
      const { path: p, expect } = e.request(i);
      if (e.afterWrite) write();
      const { ms, outcome } = await timedGet(agent, base + p, headers);
      const verdict = classify(outcome, expect);
      const timed = i >= warmup;
      if (timed || !verdict.ok) verdicts.push(verdict.ok ? verdict : { ...verdict, detail: `${p}: ${verdict.detail}` });
      if (timed && verdict.ok) times.push(ms);
      if (interleave) {
        const h = await timedGet(healthAgent, `${base}/api/health`, {});
        const hv = classify(h.outcome, { type: "json", contains: ['"ok":true'] });
        if (!hv.ok) verdicts.push({ ...hv, detail: `/api/health: ${hv.detail}` });
        else if (timed) health.push(h.ms);
      }
      if (floor) {
        const t0 = performance.now();
        floor(i);
        if (timed) sql.push(performance.now() - t0);
      }
      if (serverExited()) {
        verdicts.push({ ok: false, kind: "network", detail: "the server exited" });
        break;
      }
    }
  } finally {
    agent.destroy();
    healthAgent.destroy();
  }
  return { times, health, sql, verdicts };
}

/** The load test (scripts/bench/load.ts), its process kept where Ctrl-C can kill it. */
function runLoad(base: string, cookie: string, target: LoadTarget, o: BenchOptions): Promise<LoadResult> {
  return runLoadProcess(base, cookie, target, o, (child) => (loadChild = child));
}

function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model.trim() ?? "unknown",
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
    serverWorkers: process.env.TSUNAGU_WORKERS?.trim() || String(os.availableParallelism()),
  };
}

function fileSize(file: string): number {
  return [file, `${file}-wal`].reduce((a, f) => a + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);
}

async function main(): Promise<number> {
  let o: BenchOptions;
  try {
    o = parseBenchArgs(process.argv.slice(2), process.env);
  } catch (e) {
    if (!(e instanceof ArgumentError)) throw e;
    if (e.message) console.error(`[bench] ${e.message}\n${USAGE}`);
    else console.log(USAGE);
    return e.message ? 2 : 0;
  }
  const started = Date.now();
  const checks: Check[] = [];
  const check = (name: string, ok: boolean, detail?: string) => {
    checks.push({ name, ok, detail });
    if (!ok) console.log(`✘ ${name}${detail ? ` (${detail})` : ""}`);
  };
  fs.mkdirSync("test-results", { recursive: true });
  if (o.ci) fs.rmSync(path.join("test-results", "bench-summary.txt"), { force: true });
  const serverLog = path.join("test-results", "bench-server.log");
  fs.rmSync(serverLog, { force: true });

  let database: BenchDatabase | null = null;
  let sqlite: Database.Database | null = null;
  let writer: Database.Database | null = null;
  // One cleanup, whoever asks first (the end of the run or a signal); later calls wait for it.
  let cleaning: Promise<void> | null = null;
  const cleanup = () =>
    (cleaning ??= (async () => {
      await killServer();
      sqlite?.close();
      sqlite = null;
      writer?.close();
      writer = null;
      database?.cleanup();
      database = null;
    })());
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      stopping = true;
      log(`${signal}: stopping the server and removing the temporary files`);
      loadChild?.kill("SIGKILL");
      void cleanup().finally(() => process.exit(130));
    });
  }
  process.once("exit", () => {
    killServerNow();
    database?.cleanup();
  });

  const results: EndpointResult[] = [];
  let pageFloor: EndpointResult | null = null;
  let pageFloorLoad: LoadResult | null = null;
  let load: LoadResult | null = null;
  let memory: ServerMemory | null = null;
  let js: JsTransfer | null = null;
  let jsNote: string | undefined;
  let workload: Workload | null = null;
  let floors: Floors | null = null;
  let dbInfo: { file: string; source: string; bytes: number; cases: number } | null = null;
  /** Time one endpoint (timeEndpoint) and check that every answer was 2xx and the right page. */
  const timeAndCheck = async (base: string, e: Endpoint, cookie: string, floor: Floor | undefined, write: () => void): Promise<EndpointResult> => {
    const { times, health, sql, verdicts } = await timeEndpoint(base, e, cookie, o.requests, o.warmup, floor, write);
    const tally = tallyErrors(verdicts);
    const firstError = Object.values(tally.byKind)[0]?.first;
    check(`${e.label}: every answer 2xx and the right page`, tally.count === 0, firstError && `${tally.count} errors, first: ${firstError}`);
    return {
      id: e.id,
      label: e.label,
      app: summarize(times),
      healthP50: health.length ? summarize(health).p50 : undefined,
      sqlP50: floor ? summarize(sql).p50 : null,
      errors: tally.count,
      firstError,
    };
  };

  try {
    await buildApp();
    database = prepareDatabase(o, log);

    // The page floor first, alone on the machine (ADR 0058), then the app.
    const emptyApp = buildEmptyApp(log);
    const floorServer = await startServer({ databasePath: database.file, port: o.port, logFile: serverLog, cwd: emptyApp });
    log(`timing the page floor (an empty Next.js page, served as the app is), then the same load test on it …`);
    pageFloor = await timeAndCheck(floorServer.base, EMPTY_PAGE, "", undefined, () => {});
    if (stopping) return 130;
    pageFloorLoad = await runLoad(floorServer.base, "", { paths: [EMPTY_PAGE.request(0).path], contains: [EMPTY_PAGE_TEXT] }, o);
    check("load test on the page floor: every answer 2xx and the right page", pageFloorLoad.errors === 0 && pageFloorLoad.requests > 0, pageFloorLoad.errors ? `${pageFloorLoad.errors} errors, first: ${pageFloorLoad.firstError}` : undefined);
    await killServer();
    if (stopping) return 130;
    log(`starting the built app on port ${o.port} (database ${database.file}; log ${serverLog}) …`);
    const t0 = Date.now();
    const server = await startServer({ databasePath: database.file, port: o.port, logFile: serverLog });
    log(`the app answered /api/health after ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    sqlite = openReadOnly(database.file);
    // The "after a write" rows write between requests (never timed): a second connection, not read-only.
    writer = openForWrites(database.file);
    workload = readWorkload(sqlite, database.file, { prefectureUser: PREFECTURE_USER, coordinator: COORDINATOR, fy: o.fy, samples: Math.min(50, o.requests) });
    dbInfo = { file: database.file, source: database.source, bytes: fileSize(database.file), cases: workload.caseCount };
    floors = buildFloors(sqlite, workload);

    const signInId = actionId("app/login/actions.ts#signInAction");
    const db = sqlite;
    const signInAs = (username: string) =>
      signIn(server.base, username, signInId).catch((e: unknown) => {
        // The commonest cause on a generated database: accounts deactivated as unused at start (ADR 0041).
        const row = db.prepare("SELECT active FROM users WHERE username = ?").get(username) as { active: number } | undefined;
        throw new Error(row?.active === 0 ? `${username} is inactive in this database (deactivated as unused by the server's start-up sweep? ADR 0041)` : (e as Error).message);
      });
    const cookies: Record<Role, string> = {
      anonymous: "",
      prefecture: await signInAs(PREFECTURE_USER),
      coordinator: await signInAs(COORDINATOR),
    };
    log(`signed in as ${PREFECTURE_USER} and ${COORDINATOR}; timing ${o.requests} requests per endpoint after ${o.warmup} warm-up requests`);

    for (const e of endpointsFor(workload, floors.firstCaseNo)) {
      if (stopping) return 130;
      const floor = floors.run[e.floorId ?? e.id];
      results.push(await timeAndCheck(server.base, e, cookies[e.role], floor, () => touchIndicatorInputs(writer!)));
      if (serverExited()) throw new Error(`the server exited during ${e.label}; see ${serverLog}`);
    }

    if (stopping) return 130;
    if (o.skipJs) jsNote = "--skip-js";
    else {
      try {
        js = await measureJs(server.base, cookies.coordinator);
        if (js.compressedFiles < js.files) jsNote = `${js.files - js.compressedFiles} of ${js.files} scripts sent uncompressed: ${js.uncompressedNames.join(", ")}`;
        check("/cases/new loads in Chromium (JavaScript measured)", true);
      } catch (e) {
        const message = (e as Error).message;
        if (message.startsWith("no Chromium")) jsNote = message;
        else check("/cases/new loads in Chromium (JavaScript measured)", false, message);
        jsNote ??= message;
      }
    }

    if (stopping) return 130;
    log(`load test: ${o.connections} connections for ${o.loadSeconds} s on the case list as ${COORDINATOR} (a separate process) …`);
    load = await runLoad(server.base, cookies.coordinator, loadTarget(workload, floors.firstCaseNo), o);
    check("load test: every answer 2xx and the right page", load.errors === 0 && load.requests > 0, load.errors ? `${load.errors} errors, first: ${load.firstError}` : undefined);
    if (serverExited()) throw new Error(`the server exited during the load test; see ${serverLog}`);
    memory = serverMemory(server.child.pid);
  } catch (e) {
    check("the bench run completed", false, (e as Error).message);
  } finally {
    await cleanup();
  }

  // ---- report
  // The page floor's row right under /api/health's (it has no SQL floor, so no ratio).
  const health = results.find((r) => r.id === "health");
  const measured = pageFloor ? [...results.slice(0, 1), pageFloor, ...results.slice(1)] : results;
  const rows = measured.map((r) => toRow(r, health?.app.p50 ?? Number.NaN));
  const m = machine();
  console.log("");
  console.log(`machine: ${m.cpus} CPUs (${m.model}), ${m.memoryGiB} GiB, Node ${m.node}, load average ${m.loadAverage.join(" ")}; server workers: ${m.serverWorkers} (TSUNAGU_WORKERS)`);
  if (dbInfo) console.log(`database: ${dbInfo.source}, ${(dbInfo.bytes / 2 ** 20).toFixed(1)} MiB, ${dbInfo.cases} cases; fiscal year ${workload?.fiscalYear}`);
  if (rows.length) console.log(`\n${formatResults(rows)}\n`);
  for (const r of measured) if (r.firstError) console.log(`  ${r.label}: ${r.errors} errors, first: ${r.firstError}`);
  if (load && workload && floors) console.log(formatLoad(load, loadTarget(workload, floors.firstCaseNo).paths[0]!));
  if (pageFloorLoad) console.log(formatFloorLoad(pageFloorLoad));
  if (memory) console.log(`server memory after the load test: ${memory.rssMiB} MiB resident (peak ${memory.peakMiB} MiB)`);
  console.log(formatJs(js ? js.bytes / 1000 : null, js ? `${js.files} scripts, ${(js.uncompressed / 1000).toFixed(0)} kB unpacked${jsNote ? `; ${jsNote}` : ""}` : jsNote));
  console.log("Budgets are marked, never enforced (ADR 0049): the exit code counts errors only.");

  const passed = checks.filter((c) => c.ok).length;
  const failed = checks.length - passed;
  const json = {
    startedAt: new Date(started).toISOString(),
    seconds: Math.round((Date.now() - started) / 1000),
    options: o,
    machine: m,
    database: dbInfo,
    fiscalYear: workload?.fiscalYear ?? null,
    endpoints: rows.map((row, i) => ({ ...row, n: measured[i]!.app.n, max: measured[i]!.app.max, healthP50: measured[i]!.healthP50 ?? null, firstError: measured[i]!.firstError ?? null })),
    load: load && { ...load, mark: loadMark(load) },
    pageFloorLoad,
    serverMemory: memory,
    js: js && { kBGzip: js.bytes / 1000, kBUnpacked: js.uncompressed / 1000, files: js.files, compressedFiles: js.compressedFiles, uncompressed: js.uncompressedNames, budgetKB: JS_BUDGET_KB, note: jsNote ?? null },
    checks,
    passed,
    failed,
  };
  fs.mkdirSync(path.dirname(path.resolve(o.json)), { recursive: true });
  fs.writeFileSync(o.json, `${JSON.stringify(json, null, 2)}\n`);
  log(`took ${json.seconds} s; results in ${o.json}`);
  const line = `${passed} passed, ${failed} failed`;
  if (o.ci) fs.writeFileSync(path.join("test-results", "bench-summary.txt"), `${line}\n`);
  console.log(line);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);

type ServerMemory = { rssMiB: number; peakMiB: number };

/** Resident and peak memory of the server and the processes it started (Linux /proc; null elsewhere). */
function serverMemory(pid: number | undefined): ServerMemory | null {
  if (!pid || !fs.existsSync(`/proc/${pid}`)) return null;
  const pids: number[] = [];
  const walk = (p: number) => {
    pids.push(p);
    for (const task of fs.readdirSync(`/proc/${p}/task`)) {
      const children = fs.readFileSync(`/proc/${p}/task/${task}/children`, "utf8").trim();
      for (const c of children ? children.split(/\s+/) : []) walk(Number(c));
    }
  };
  try {
    walk(pid);
    let rss = 0;
    let peak = 0;
    for (const p of pids) {
      const status = fs.readFileSync(`/proc/${p}/status`, "utf8");
      rss += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peak += Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    }
    return { rssMiB: Math.round(rss / 1024), peakMiB: Math.round(peak / 1024) };
  } catch {
    return null;
  }
}
