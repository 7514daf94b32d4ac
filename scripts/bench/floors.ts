/*
 * The database side of the bench (ADR 0049), on the same file the server serves, opened read-only:
 *  - the workload: which prefecture, year, cases, kana queries and list filter the timed requests use
 *    (taken from the data, so every URL answers with rows);
 *  - the SQL floors: per endpoint, hand-written SQL (prepared once, run as often as the app is asked)
 *    computing the numbers or rows the endpoint shows. The ratio (app − health) ÷ SQL says how much
 *    work the app does beyond the best query for its data.
 */
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import { OFFICE_REACH } from "@/lib/auth/permissions";
import { deriveDataKey, Keyring, parseDataKey } from "@/lib/crypto/keyring";
import { HASH_LABELS } from "@/lib/crypto/search-keys";
import { normalizeKana } from "@/lib/domain/kana";
import type { Role } from "@/lib/domain/codes";
import { API_FIGURES_SQL, DASHBOARD_FIGURES_SQL, SHEET_FIGURES_SQL } from "./indicator-floors";

export type Workload = {
  prefectureCode: string;
  fiscalYear: number;
  fyStart: string;
  fyEnd: string;
  /** The coordinator's reach (office ids), as the DAL computes it for the role. */
  coordinatorOffices: string[];
  /** Cases the coordinator owns (coordinator_user_id), open ones first; the case page rotates over them. */
  caseIds: { id: string; caseNo: string }[];
  /** Kana prefixes of the coordinator's cases' persons (the search box's queries), with their tokens. */
  kanaQueries: { q: string; token: string }[];
  /** The case list's phase filter and page: the office's fullest open phase, page 2 when it has one. */
  listPhase: string;
  listPage: number;
  caseCount: number;
};

const PAGE_SIZE = 20;

/** The fiscal year of a date (April to March). */
export function fiscalYearOf(iso: string): number {
  const [y, m] = iso.split("-").map(Number) as [number, number];
  return m >= 4 ? y : y - 1;
}

/** Today in Japan, as the app reckons it (the bench strips TSUNAGU_TODAY from the server). */
export function todayJst(now = new Date()): string {
  return new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}

/** The data key the server uses: TSUNAGU_DATA_KEY or data.key beside the database. */
function dataKeyring(databasePath: string): Keyring {
  const text = process.env.TSUNAGU_DATA_KEY ?? fs.readFileSync(path.join(path.dirname(databasePath), "data.key"), "utf8");
  const key = parseDataKey(text);
  if (!key) throw new Error("the data key (TSUNAGU_DATA_KEY or data.key beside the database) is not a 32-byte key");
  return new Keyring(deriveDataKey(key));
}

export function openReadOnly(databasePath: string): Database.Database {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  db.pragma("query_only = true");
  return db;
}

/** A connection that may write (the bench's "after a write" rows), beside the read-only one of the floors. */
export function openForWrites(databasePath: string): Database.Database {
  return new Database(databasePath, { fileMustExist: true, timeout: 5000 });
}

/**
 * A write that moves no figure but counts as one (ADR 0055): a no-op update of a table every
 * prefecture shares, whose trigger moves every prefecture's generation of indicator inputs, so the
 * next indicator read computes its figures again, as the first read after a saved record does.
 */
export function touchIndicatorInputs(writer: Database.Database): void {
  writer.prepare("UPDATE plan_periods SET id = id WHERE rowid = (SELECT min(rowid) FROM plan_periods)").run();
}

/** Pick the workload from the data: the accounts' scope, cases the coordinator owns, kana they search. */
export function readWorkload(db: Database.Database, databasePath: string, opts: { prefectureUser: string; coordinator: string; fy?: number; samples: number }): Workload {
  const user = (username: string) => {
    const u = db.prepare("SELECT id, role, prefecture_code AS prefectureCode FROM users WHERE username = ?").get(username) as { id: string; role: Role; prefectureCode: string } | undefined;
    if (!u) throw new Error(`the database has no account ${username}: the bench signs in as the demo accounts (a demo or db:synth database)`);
    return u;
  };
  const pref = user(opts.prefectureUser);
  const coord = user(opts.coordinator);
  const fiscalYear = opts.fy ?? fiscalYearOf(todayJst()) - 1;
  const coordinatorOffices = officesInReach(db, coord);
  const caseRows = db
    // Open cases first, newest first: the ones a coordinator opens day to day (a closed case's page is
    // lighter: no forms, no follow-ups due), then closed ones if there are too few.
    .prepare(
      `SELECT id, case_no AS caseNo, person_id AS personId FROM cases WHERE coordinator_user_id = ? AND office_id IN (SELECT value FROM json_each(?)) ORDER BY phase = 'closed', case_no DESC LIMIT ?`,
    )
    .all(coord.id, JSON.stringify(coordinatorOffices), opts.samples) as { id: string; caseNo: string; personId: string }[];
  if (caseRows.length === 0) throw new Error(`${opts.coordinator} owns no case in this database: nothing to time for the case page`);

  // Kana queries: the first two characters of each person's family name kana, as someone types them.
  const ring = dataKeyring(databasePath);
  const kanaOf = db.prepare("SELECT family_name_kana AS k FROM person_identities WHERE person_id = ?");
  const seen = new Set<string>();
  const kanaQueries: Workload["kanaQueries"] = [];
  for (const c of caseRows) {
    const row = kanaOf.get(c.personId) as { k: string } | undefined;
    if (!row) continue;
    const q = [...ring.decrypt(row.k)].slice(0, 2).join("");
    const key = normalizeKana(q);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    kanaQueries.push({ q, token: ring.hash(HASH_LABELS.prefix, key) });
  }
  if (kanaQueries.length === 0) throw new Error("no kana to search for among the coordinator's cases");

  const phases = db
    .prepare(`SELECT phase, count(*) AS n FROM cases WHERE office_id IN (SELECT value FROM json_each(?)) AND phase <> 'closed' GROUP BY phase ORDER BY n DESC, phase`)
    .all(JSON.stringify(coordinatorOffices)) as { phase: string; n: number }[];
  const fullest = phases[0] ?? { phase: "support", n: 0 };
  const caseCount = (db.prepare("SELECT count(*) AS n FROM cases").get() as { n: number }).n;
  const range = { fyStart: `${fiscalYear}-04-01`, fyEnd: `${fiscalYear + 1}-03-31` };
  return {
    prefectureCode: pref.prefectureCode,
    fiscalYear,
    ...range,
    coordinatorOffices,
    caseIds: caseRows.map((c) => ({ id: c.id, caseNo: c.caseNo })),
    kanaQueries,
    listPhase: fullest.phase,
    listPage: fullest.n > PAGE_SIZE ? 2 : 1,
    caseCount,
  };
}

/** The offices a role reaches (lib/dal/scope.ts officesInReach), as plain SQL. */
function officesInReach(db: Database.Database, u: { id: string; role: Role; prefectureCode: string }): string[] {
  const reach = OFFICE_REACH[u.role];
  const sql =
    reach === "prefecture"
      ? "SELECT id FROM health_centers WHERE prefecture_code = :p"
      : reach === "assigned-and-branches"
        ? "SELECT id FROM health_centers WHERE prefecture_code = :p AND (id IN (SELECT health_center_id FROM user_offices WHERE user_id = :u) OR parent_id IN (SELECT health_center_id FROM user_offices WHERE user_id = :u))"
        : "SELECT id FROM health_centers WHERE prefecture_code = :p AND id IN (SELECT health_center_id FROM user_offices WHERE user_id = :u)";
  return (db.prepare(sql).all({ p: u.prefectureCode, u: u.id }) as { id: string }[]).map((r) => r.id);
}

/** A floor: one unit of the endpoint's data work, run with the i-th sample. */
export type Floor = (i: number) => unknown;

/**
 * The floors, and what they say the lists must show: the case number of the first row of the case
 * list and of the i-th kana search (null for no row). The timed pages must contain it, which proves
 * both that the app answered with rows and that the floor computes the rows the app shows.
 */
export type Floors = { run: Record<string, Floor>; firstCaseNo: { caseList: string | null; kana: (i: number) => string | null } };

/**
 * The floors per endpoint id. Each prepares its statements once; the reach of the coordinator is a
 * bound JSON list of office ids (the app evaluates it in SQL each time: that is part of its work).
 */
export function buildFloors(db: Database.Database, w: Workload): Floors {
  const offices = JSON.stringify(w.coordinatorOffices);
  const year = { p: w.prefectureCode, start: w.fyStart, end: w.fyEnd };

  // The sheet, the JSON API and the dashboard: their figures for the prefecture and the year, one
  // query each (indicator-floors.ts; tests/bench/floors.test.ts compares them with the app's).
  const indicators = { ...year, fy: w.fiscalYear, cutoff: `${w.fiscalYear + 1}-04-01`, today: todayJst() };
  const sheetFigures = db.prepare(SHEET_FIGURES_SQL);
  const apiFigures = db.prepare(API_FIGURES_SQL);
  const dashboardFigures = db.prepare(DASHBOARD_FIGURES_SQL);
  const { today: _today, ...sheetParams } = indicators;
  const sheet: Floor = () => sheetFigures.get(sheetParams);
  const sheetApi: Floor = () => apiFigures.get(indicators);
  const dashboard: Floor = () => dashboardFigures.get(indicators);

  // The case list: the page's rows under the phase filter (open cases, the office, newest referrals
  // first), with the overdue flags, then the counts per phase (the total is its phase's count).
  const listRows = db.prepare(`
    SELECT c.id, c.case_no, i.family_name, i.given_name, i.family_name_kana, i.given_name_kana, c.phase, h.name AS office, u.display_name AS coordinator,
           hp.name AS hospital, c.referral_date, c.support_start_date, c.last_activity_date, c.consent_date,
           EXISTS (SELECT 1 FROM follow_up_checks f WHERE f.case_id = c.id AND f.checked_date IS NULL AND f.due_date < :today) AS overdue_follow_up,
           EXISTS (SELECT 1 FROM care_plans p WHERE p.case_id = c.id AND p.status IN ('drafting', 'active', 'extended') AND p.review_due_date < :today) AS overdue_review
    FROM cases c
    JOIN person_identities i ON i.person_id = c.person_id
    JOIN health_centers h ON h.id = c.office_id
    JOIN users u ON u.id = c.coordinator_user_id
    JOIN hospitals hp ON hp.id = c.hospital_id
    WHERE c.office_id IN (SELECT value FROM json_each(:offices)) AND c.phase <> 'closed' AND c.phase = :phase
    ORDER BY c.referral_date DESC, c.case_no
    LIMIT :limit OFFSET :offset`);
  const listCounts = db.prepare(`SELECT phase, count(*) AS n FROM cases WHERE office_id IN (SELECT value FROM json_each(:offices)) AND phase <> 'closed' GROUP BY phase`);
  const today = todayJst();
  const caseList: Floor = () => [
    listRows.all({ offices, phase: w.listPhase, today, limit: PAGE_SIZE, offset: (w.listPage - 1) * PAGE_SIZE }),
    listCounts.all({ offices }),
  ];

  // A case page: the case with its person, office, coordinator and hospital, and its activities.
  const caseRow = db.prepare(`
    SELECT c.*, i.*, h.name AS office, u.display_name AS coordinator, hp.name AS hospital
    FROM cases c JOIN person_identities i ON i.person_id = c.person_id JOIN health_centers h ON h.id = c.office_id
    JOIN users u ON u.id = c.coordinator_user_id JOIN hospitals hp ON hp.id = c.hospital_id
    WHERE c.id = ? AND c.office_id IN (SELECT value FROM json_each(?))`);
  const caseActivities = db.prepare("SELECT * FROM case_activities WHERE case_id = ? ORDER BY date DESC, created_at DESC");
  const casePage: Floor = (i) => {
    const id = w.caseIds[i % w.caseIds.length]!.id;
    return [caseRow.get(id, offices), caseActivities.all(id)];
  };

  // The kana search (the case list's search box): the office's cases, each probed for the token (the
  // token's own persons can be tens of thousands in a national database), the page's rows and the total.
  const kanaRows = db.prepare(`
    SELECT c.id, c.case_no, i.family_name, i.given_name, i.family_name_kana, i.given_name_kana, c.phase, c.referral_date
    FROM cases c JOIN person_identities i ON i.person_id = c.person_id
    WHERE c.office_id IN (SELECT value FROM json_each(:offices)) AND c.phase <> 'closed'
      AND EXISTS (SELECT 1 FROM person_name_tokens t WHERE t.person_id = c.person_id AND t.token = :token)
    ORDER BY c.referral_date DESC, c.case_no LIMIT ${PAGE_SIZE}`);
  const kanaCount = db.prepare(`
    SELECT phase, count(*) AS n FROM cases WHERE office_id IN (SELECT value FROM json_each(:offices)) AND phase <> 'closed'
      AND EXISTS (SELECT 1 FROM person_name_tokens t WHERE t.person_id = cases.person_id AND t.token = :token) GROUP BY phase`);
  const kana: Floor = (i) => {
    const token = w.kanaQueries[i % w.kanaQueries.length]!.token;
    return [kanaRows.all({ offices, token }), kanaCount.all({ offices, token })];
  };

  // The peer dispatch list: the first page (newest first, every year), the counts per status, the members.
  const dispatchRows = db.prepare(`
    SELECT d.id, d.date, d.start_time, d.end_time, h.name AS office, hp.name AS hospital, d.destination_name, d.purpose, d.status, d.audience_count, c.case_no
    FROM peer_dispatches d JOIN health_centers h ON h.id = d.office_id LEFT JOIN hospitals hp ON hp.id = d.hospital_id LEFT JOIN cases c ON c.id = d.case_id
    WHERE d.office_id IN (SELECT value FROM json_each(?))
    ORDER BY d.date DESC, d.id DESC LIMIT ${PAGE_SIZE}`);
  const dispatchCounts = db.prepare("SELECT status, count(*) AS n FROM peer_dispatches WHERE office_id IN (SELECT value FROM json_each(?)) GROUP BY status");
  const dispatchMembers = db.prepare(`
    SELECT m.dispatch_id, p.display_code, m.hours FROM peer_dispatch_members m JOIN peer_supporters p ON p.id = m.peer_id
    WHERE m.dispatch_id IN (SELECT value FROM json_each(?))`);
  const dispatches: Floor = () => {
    const rows = dispatchRows.all(offices) as { id: string }[];
    return [rows, dispatchCounts.all(offices), dispatchMembers.all(JSON.stringify(rows.map((r) => r.id)))];
  };

  const firstOf = (rows: unknown) => (rows as { case_no: string }[])[0]?.case_no ?? null;
  const kanaFirst = w.kanaQueries.map((_, i) => firstOf((kana(i) as unknown[])[0]));
  return {
    run: { sheet, sheetApi, dashboard, caseList, casePage, kana, dispatches },
    firstCaseNo: { caseList: firstOf((caseList(0) as unknown[])[0]), kana: (i) => kanaFirst[i % kanaFirst.length] ?? null },
  };
}

/** Run a floor `n` times after `warmup` runs; the times in ms. */
export function timeFloor(floor: Floor, n: number, warmup: number): number[] {
  for (let i = 0; i < warmup; i++) floor(i);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    floor(i);
    times.push(performance.now() - t0);
  }
  return times;
}
