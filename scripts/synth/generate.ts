import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import { openDatabase, type Db } from "@/db/client";
import { closeDatabase } from "@/db/reset";
import { markDemoData } from "@/db/seed/demo-marker";
import { DEMO_PASSWORD } from "@/db/seed/demo-users";
import { loadOrgTree } from "@/db/seed/org";
import { loadPlanPeriods } from "@/db/seed/plan-periods";
import { createRng } from "@/db/seed/random";
import { hashPassword } from "@/lib/auth/password";
import { loadDataKey } from "@/lib/crypto/data-key";
import { chainFor, resetHead } from "@/lib/dal/audit-chain";
import { appNow } from "@/lib/domain/clock";
import { currentFiscalYear, todayIso } from "@/lib/domain/fiscal-year";
import type { Office } from "./context";
import { insertGeneratedTree, insertHospitals, PREFECTURES, prefectureByCode, REAL_TREES } from "./country";
import { day, iso } from "./dates";
import { createIdSource } from "./ids";
import { type PrefectureJob } from "./prefecture";
import { insertUsers } from "./users";
import type { WorkerInput, WorkerMessage } from "./worker";
import { Writer } from "./writer";

/*
 * `npm run db:synth`: a complete synthetic database (ADR 0048). The file is created through the
 * app's own openDatabase (so the migrations, the data key's record and the keyring are exactly the
 * app's), then filled with raw prepared statements with the journal off (the rows made on a
 * second thread, scripts/synth/worker.ts), and handed over in WAL mode under its final name with
 * an empty, consistent audit chain.
 */

export type Scale = "national" | "prefecture" | "tiny";

export type SynthOptions = { scale: Scale; out: string; seed: number; force?: boolean; log?: (line: string) => void };

export type SynthSummary = { file: string; bytes: number; seconds: number; counts: Record<string, number> };

/** Which prefectures get data, and how many discharge-support cases each. */
function casePlan(scale: Scale): Map<string, number> {
  if (scale === "prefecture") return new Map([["33", 2500]]);
  if (scale === "tiny") return new Map([["33", 40], ["13", 50], ["31", 15]]);
  // National: about 0.87 cases per 1,000 people, which gives about 110,000 (Tokyo ~12,000, Tottori ~500).
  return new Map(PREFECTURES.map((p) => [p.code, Math.round(p.population * 0.872)]));
}

/** The prefectures with a generated organisation tree (the real ones always load: the demo accounts work there). */
function generatedTrees(scale: Scale): string[] {
  if (scale === "national") return PREFECTURES.map((p) => p.code).filter((c) => !REAL_TREES.has(c));
  if (scale === "tiny") return ["13", "31"];
  return [];
}

export class OutputExistsError extends Error {}

export async function synthesize(options: SynthOptions): Promise<SynthSummary> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const { out, scale } = options;
  if (fs.existsSync(out) && !options.force) throw new OutputExistsError(`${out} exists: pass --force to overwrite it.`);
  const tmp = `${out}.tmp`;
  for (const suffix of ["", "-wal", "-shm", "-journal", ".audit-head", ".audit-head.pending"]) fs.rmSync(tmp + suffix, { force: true });

  // The one slow hash, started first (argon2 runs off the main thread).
  const passwordHash = hashPassword(DEMO_PASSWORD);
  const now = appNow();
  const today = day(todayIso(now));
  const lastFy = currentFiscalYear(now);
  const fiscalYears = Array.from({ length: 10 }, (_, i) => lastFy - 9 + i);

  const db = openDatabase(tmp);
  const sqlite = (db as Db & { $client: Database.Database }).$client;
  let closed = false;
  try {
    // Bulk mode: no rollback journal, no syncs, no foreign-key lookups per row (the result is
    // checked with foreign_key_check by the tests), no zeroing of freed pages (nothing is deleted).
    sqlite.pragma("journal_mode = OFF");
    sqlite.pragma("synchronous = OFF");
    sqlite.pragma("foreign_keys = OFF");
    sqlite.pragma("secure_delete = OFF");
    sqlite.pragma("cache_size = -262144");
    sqlite.pragma("temp_store = MEMORY");
    sqlite.pragma("locking_mode = EXCLUSIVE");

    const w = new Writer(sqlite);
    const root = createRng(options.seed >>> 0);
    const ids = createIdSource(root.fork("ids"));
    // No stamp later than the start of today (JST): the rows depend on the seed and the day only.
    const nowIso = `${iso(today - 1)}T15:00:00.000Z`;
    // About 20 activities per case on average, half of them with a written summary.
    const params: WorkerInput["params"] = { maxActivities: 60, activityGap: [22, 45], summaryShare: 0.5 };

    // --- organisation tree, plan periods, hospitals, accounts ---
    sqlite.exec("BEGIN");
    const real = loadOrgTree(db as never);
    loadPlanPeriods(db as never);
    let generated = { regions: 0, offices: 0, municipalities: 0 };
    for (const code of generatedTrees(scale)) {
      const info = prefectureByCode.get(code)!;
      sqlite.prepare("INSERT INTO prefectures (code, name, name_en) VALUES (?, ?, ?)").run(info.code, info.name, info.nameEn);
      const g = insertGeneratedTree(w, root.fork(`tree-${code}`), info);
      generated = { regions: generated.regions + g.regions, offices: generated.offices + g.offices, municipalities: generated.municipalities + g.municipalities };
    }
    w.flush();
    const prefCodes = (sqlite.prepare("SELECT code FROM prefectures ORDER BY code").all() as { code: string }[]).map((r) => r.code);
    const munis = sqlite.prepare("SELECT code, name, prefecture_code AS pref, region_id AS regionId, health_center_id AS officeId FROM municipalities ORDER BY sort").all() as { code: string; name: string; pref: string; regionId: string; officeId: string }[];
    const hospitalCreated = `${fiscalYears[0]}-04-01T00:00:00.000Z`;
    for (const code of prefCodes) insertHospitals(w, root.fork(`hospitals-${code}`), prefectureByCode.get(code)!, munis.filter((m) => m.pref === code).map((m) => m.code), hospitalCreated);
    w.flush();
    const officeRows = sqlite.prepare("SELECT id, code, name, kind, prefecture_code AS pref, region_id AS regionId, case_prefix AS casePrefix FROM health_centers ORDER BY prefecture_code, sort").all() as {
      id: string; code: string; name: string; kind: string; pref: string; regionId: string; casePrefix: string;
    }[];
    // Accounts are stamped with the real time, as the demo seed does: the start-up account review
    // deactivates accounts unused for 90 days (lib/domain/account-inactivity.ts), counted from it.
    const accounts = insertUsers(w, ids, officeRows.map((o) => ({ id: o.id, code: o.code, name: o.name, prefectureCode: o.pref })), prefCodes, await passwordHash, now.toISOString(), hospitalCreated);
    markDemoData(db, scale === "national" ? "synthetic national" : `synthetic ${scale}`);
    w.flush();
    sqlite.exec("COMMIT");
    log(`org tree: ${prefCodes.length} prefectures, ${real.regions + generated.regions} regions, ${officeRows.length} offices, ${munis.length} municipalities; ${w.count("hospitals")} hospitals; ${accounts.users} accounts (${elapsed()})`);

    const hospitalRegion = new Map<string, string[]>();
    const hospitalsOfPref = new Map<string, string[]>();
    const regionOfMuni = new Map(munis.map((m) => [m.code, m.regionId]));
    for (const h of sqlite.prepare("SELECT id, prefecture_code AS pref, municipality_code AS muni FROM hospitals ORDER BY id").all() as { id: string; pref: string; muni: string }[]) {
      const r = regionOfMuni.get(h.muni)!;
      hospitalRegion.set(r, [...(hospitalRegion.get(r) ?? []), h.id]);
      hospitalsOfPref.set(h.pref, [...(hospitalsOfPref.get(h.pref) ?? []), h.id]);
    }
    const offices: Office[] = officeRows.map((o) => {
      const own = munis.filter((m) => m.officeId === o.id);
      return {
        id: o.id,
        code: o.code,
        name: o.name,
        kind: o.kind,
        prefectureCode: o.pref,
        regionId: o.regionId,
        casePrefix: o.casePrefix,
        municipalities: (own.length > 0 ? own : munis.filter((m) => m.regionId === o.regionId)).map((m) => ({ code: m.code, name: m.name })),
        coordinatorIds: accounts.coordinatorsByOffice.get(o.id) ?? [],
        nearHospitals: hospitalRegion.get(o.regionId) ?? [],
        prefectureHospitals: hospitalsOfPref.get(o.pref) ?? [],
      };
    });
    const regions = sqlite.prepare("SELECT id, name, prefecture_code AS pref FROM regions ORDER BY prefecture_code, sort").all() as { id: string; name: string; pref: string }[];

    // --- per prefecture: cases, outreach, peers, meetings and the rest, statistics ---
    // The indexes are built once at the end: sorting millions of keys once is far cheaper than
    // inserting each into a B-tree that no longer fits the page cache (ADR 0048). Unique ones too:
    // building them again checks that the generated rows keep every uniqueness rule.
    const indexes = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").all() as { name: string; sql: string }[];
    for (const i of indexes) sqlite.exec(`DROP INDEX "${i.name}"`);
    const plan = casePlan(scale);
    const jobs: PrefectureJob[] = [...plan].map(([code, totalCases]) => {
      const info = prefectureByCode.get(code)!;
      return {
        code,
        name: info.name,
        population: info.population,
        totalCases,
        minCasesPerOffice: scale === "tiny" ? 2 : 5,
        offices: offices.filter((o) => o.prefectureCode === code),
        regions: regions.filter((r) => r.pref === code).map((r) => ({ id: r.id, name: r.name })),
        municipalities: munis.filter((m) => m.pref === code).map((m) => ({ code: m.code, regionId: m.regionId })),
        prefectureUserId: accounts.prefectureUser.get(code)!,
      };
    });
    // The rows are made on a second thread and inserted here (two cores); the transactions are
    // one per prefecture, committed when the worker says the prefecture is complete.
    const committed = new SharedArrayBuffer(4);
    const input: WorkerInput = {
      seed: options.seed,
      today,
      nowIso,
      fiscalYears,
      dataKeyHex: loadDataKey(tmp).toString("hex"),
      params,
      jobs,
      committed,
    };
    await new Promise<void>((resolve, reject) => {
      const worker = new Worker(path.join(process.cwd(), "scripts", "synth", "worker-entry.mjs"), { workerData: input });
      let open = false;
      let done = 0;
      worker.on("message", (m: WorkerMessage) => {
        try {
          if (!open) {
            sqlite.exec("BEGIN");
            open = true;
          }
          if (m.t === "rows") {
            w.apply(m.table, m.columns, m.values);
            return;
          }
          sqlite.exec("COMMIT");
          open = false;
          done++;
          Atomics.add(new Int32Array(committed), 0, 1);
          Atomics.notify(new Int32Array(committed), 0);
          log(`${m.code} ${prefectureByCode.get(m.code)!.name}: ${m.cases} cases (${done}/${jobs.length}; ${w.count("cases")} cases, ${w.count("case_activities")} activities so far, ${elapsed()})`);
        } catch (e) {
          void worker.terminate();
          reject(e);
        }
      });
      worker.on("error", reject);
      worker.on("exit", (code) => (code === 0 && done === jobs.length ? resolve() : reject(new Error(`the generating thread stopped (exit ${code}) after ${done} of ${jobs.length} prefectures`))));
    });

    sqlite.exec("BEGIN");
    for (const i of indexes) sqlite.exec(i.sql);
    w.flush();
    sqlite.exec("COMMIT");
    log(`indexes: ${indexes.length} built (${elapsed()})`);

    // --- hand over: WAL, as the app expects; final name; an empty audit chain with its head ---
    sqlite.pragma("locking_mode = NORMAL");
    sqlite.pragma("journal_mode = WAL");
    const counts = Object.fromEntries(
      (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations' ORDER BY name").all() as { name: string }[]).map((t) => [
        t.name,
        (sqlite.prepare(`SELECT count(*) AS n FROM "${t.name}"`).get() as { n: number }).n,
      ]),
    );
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
    closeDatabase(db);
    closed = true;
    for (const suffix of ["-wal", "-shm", ".audit-head", ".audit-head.pending"]) fs.rmSync(out + suffix, { force: true });
    fs.renameSync(tmp, out);
    for (const suffix of ["-wal", "-shm", ".audit-head", ".audit-head.pending"]) fs.rmSync(tmp + suffix, { force: true });
    const final = new Database(out);
    try {
      resetHead(final, chainFor(out));
    } finally {
      final.close();
    }
    const bytes = fs.statSync(out).size;
    log(`done: ${out}, ${(bytes / 1048576).toFixed(1)} MB in ${elapsed()}`);
    return { file: out, bytes, seconds: (Date.now() - started) / 1000, counts };
  } finally {
    if (!closed) closeDatabase(db);
  }
}
