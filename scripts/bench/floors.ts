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
import { COHORT_TOPICS } from "@/lib/domain/statistic-codes";

export type Workload = {
  prefectureCode: string;
  fiscalYear: number;
  fyStart: string;
  fyEnd: string;
  /** The coordinator's reach (office ids), as the DAL computes it for the role. */
  coordinatorOffices: string[];
  /** Cases the coordinator owns (coordinator_user_id), the case page rotates over them. */
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
    .prepare(`SELECT id, case_no AS caseNo, person_id AS personId FROM cases WHERE coordinator_user_id = ? AND office_id IN (SELECT value FROM json_each(?)) ORDER BY case_no LIMIT ?`)
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

  // The JSON API and the dashboard: the year's main counts for the prefecture, in one query. Not
  // their figures (84 indicators of the prefecture, the dashboard's trend besides): see
  // docs/performance.md. The sheet's floor below computes the sheet's own figures.
  const sheetCounts = db.prepare(`
    SELECT
      (SELECT count(*) FROM cases WHERE prefecture_code = :p AND support_start_date <= :end AND (end_date IS NULL OR end_date >= :start)) AS supported,
      (SELECT count(*) FROM cases WHERE prefecture_code = :p AND referral_date BETWEEN :start AND :end) AS referrals,
      (SELECT count(*) FROM cases WHERE prefecture_code = :p AND discharge_date BETWEEN :start AND :end) AS discharges,
      (SELECT count(*) FROM case_activities a JOIN cases c ON c.id = a.case_id WHERE c.prefecture_code = :p AND a.date BETWEEN :start AND :end) AS activities,
      (SELECT count(*) FROM meetings WHERE prefecture_code = :p AND date BETWEEN :start AND :end) AS meetings,
      (SELECT count(*) FROM training_events WHERE prefecture_code = :p AND date BETWEEN :start AND :end) AS trainings,
      (SELECT count(*) FROM community_events WHERE prefecture_code = :p AND date BETWEEN :start AND :end) AS events,
      (SELECT count(*) FROM peer_dispatches WHERE prefecture_code = :p AND status = 'done' AND date BETWEEN :start AND :end) AS dispatches,
      (SELECT count(DISTINCT o.id) FROM outreach_contacts x JOIN outreach_cases o ON o.id = x.outreach_case_id WHERE o.prefecture_code = :p AND x.date BETWEEN :start AND :end) AS outreachPersons,
      (SELECT count(*) FROM outreach_contacts x JOIN outreach_cases o ON o.id = x.outreach_case_id WHERE o.prefecture_code = :p AND x.date BETWEEN :start AND :end) AS outreachContacts`);
  const apiCounts: Floor = () => sheetCounts.get(year);
  const sheetFigures = db.prepare(SHEET_FIGURES_SQL);
  const sheet: Floor = () => sheetFigures.get({ ...year, fy: w.fiscalYear, cutoff: `${w.fiscalYear + 1}-04-01` });

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
    run: { sheet, sheetApi: apiCounts, dashboard: apiCounts, caseList, casePage, kana, dispatches },
    firstCaseNo: { caseList: firstOf((caseList(0) as unknown[])[0]), kana: (i) => kanaFirst[i % kanaFirst.length] ?? null },
  };
}

/**
 * The 自治体情報シート's figures for the prefecture (the whole prefecture: its offices and its own
 * rows) and the fiscal year, in one query: the 基本情報 (the org tree now, the external statistics
 * in force (ADR 0021: per topic the latest reference date not after 1 April after the year, the
 * latest cohort not after the year), the 自立支援協議会 meetings and 精神部会, the 協議の場 standing
 * at the end of the year or of the next one when the prefecture says so) and the indicators the
 * prefecture reports (S1–S7) with the parts the sheet prints (S2's registered, dispatches done and
 * trained, S3 by scope, the coverage denominators). tests/bench/floors.test.ts checks every figure
 * against the sheet the app builds. Named parameters: p, fy, start, end, cutoff.
 */
export const SHEET_FIGURES_SQL = `
  WITH
    off AS (SELECT id FROM health_centers WHERE prefecture_code = :p),
    kfy AS (SELECT :fy + coalesce((SELECT kyogi_as_of_next_april FROM prefecture_year_facts WHERE prefecture_code = :p AND fiscal_year = :fy), 0) AS y),
    kend AS (SELECT (y + 1) || '-03-31' AS d, y FROM kfy),
    sets AS (
      SELECT id, row_number() OVER (PARTITION BY topic ORDER BY cohort_year DESC, as_of DESC) AS rn
      FROM external_statistics
      WHERE prefecture_code = :p
        AND CASE WHEN topic IN (${COHORT_TOPICS.map((t) => `'${t}'`).join(", ")}) THEN cohort_year IS NOT NULL AND cohort_year <= :fy ELSE as_of IS NOT NULL AND as_of <= :cutoff END),
    stat AS MATERIALIZED (SELECT v.metric, v.value FROM sets s CROSS JOIN external_statistic_values v ON v.statistic_id = s.id WHERE s.rn = 1),
    mtg AS (SELECT kind FROM meetings WHERE prefecture_code = :p AND (office_id IN off OR office_id IS NULL) AND date BETWEEN :start AND :end),
    trn AS (
      SELECT scope FROM training_events t
      WHERE t.prefecture_code = :p AND t.kind = 'jinzai_ikusei' AND t.date BETWEEN :start AND :end
        AND (t.office_id IN off OR t.office_id IS NULL OR EXISTS (SELECT 1 FROM training_event_cohosts c WHERE c.training_event_id = t.id AND c.office_id IN off))),
    bodies AS (
      SELECT level, region_id FROM kyogi_bodies, kend
      WHERE prefecture_code = :p AND (office_id IN off OR office_id IS NULL)
        AND (established_on IS NULL OR established_on <= kend.d) AND (ended_on IS NULL OR ended_on > kend.d)),
    regs AS (SELECT id FROM regions WHERE prefecture_code = :p AND id IN (SELECT region_id FROM health_centers WHERE id IN off)),
    munis AS (SELECT code FROM municipalities WHERE prefecture_code = :p AND health_center_id IN off),
    mstat AS (SELECT s."exists" AS ex FROM municipal_kyogi_status s, kfy WHERE s.fiscal_year = kfy.y AND s.municipality_code IN munis),
    peers AS (
      SELECT p.id, p.office_id FROM peer_registrations r JOIN peer_supporters p ON p.id = r.peer_id
      WHERE p.office_id IN off AND r.fiscal_year = :fy AND (p.status <> 'withdrawn' OR p.status_changed_on > :end))
  SELECT
    (SELECT count(*) FROM regs) AS "B.regions",
    (SELECT count(*) FROM munis) AS "B.municipalities",
    (SELECT count(*) FROM health_centers WHERE prefecture_code = :p AND id IN off) AS "B.health_centers",
    (SELECT value FROM stat WHERE metric = 'population') AS "B.population",
    (SELECT value FROM stat WHERE metric = 'psych_hospital_count') AS "B.psych_hospitals",
    (SELECT value FROM stat WHERE metric = 'psych_bed_count') AS "B.psych_beds",
    (SELECT value FROM stat WHERE metric = 'inpatients_total') AS "B.inpatients",
    (SELECT value FROM stat WHERE metric = 'inpatients_lt3m') AS "B.inpatients.lt3m",
    (SELECT value FROM stat WHERE metric = 'inpatients_3to12m') AS "B.inpatients.3to12m",
    (SELECT value FROM stat WHERE metric = 'inpatients_ge1y') AS "B.inpatients.ge1y",
    (SELECT value FROM stat WHERE metric = 'inpatients_ge1y_u65') AS "B.inpatients.ge1y.u65",
    (SELECT value FROM stat WHERE metric = 'inpatients_ge1y_65plus') AS "B.inpatients.ge1y.65plus",
    (SELECT value FROM stat WHERE metric = 'discharge_rate_3m') AS "B.discharge.3m",
    (SELECT value FROM stat WHERE metric = 'discharge_rate_6m') AS "B.discharge.6m",
    (SELECT value FROM stat WHERE metric = 'discharge_rate_12m') AS "B.discharge.12m",
    (SELECT value FROM stat WHERE metric = 'kikan_soudan_center_count') AS "B.kikan_centers",
    (SELECT value FROM stat WHERE metric = 'ippan_soudan_office_count') AS "B.ippan_offices",
    (SELECT value FROM stat WHERE metric = 'tokutei_soudan_office_count') AS "B.tokutei_offices",
    (SELECT count(*) FROM mtg WHERE kind = 'jiritsu_council') AS "B.jiritsu_council",
    (SELECT jiritsu_mh_subcommittee FROM prefecture_year_facts WHERE prefecture_code = :p AND fiscal_year = :fy) AS "B.jiritsu_mh_subcommittee",
    (SELECT count(*) FROM bodies WHERE level = 'prefecture') AS "B.kyogi.prefecture",
    (SELECT count(DISTINCT region_id) FROM bodies WHERE level = 'region' AND region_id IN regs) AS "B.kyogi.region",
    (SELECT count(*) FROM bodies WHERE level = 'region' AND region_id IN regs) AS "B.kyogi.region.bodies",
    (SELECT count(*) FROM mstat WHERE ex) AS "B.kyogi.municipality",
    (SELECT count(*) FROM mstat) AS "B.kyogi.municipality.recorded",
    (SELECT count(*) FROM mtg WHERE kind = 'chiiki_ikou_suishin') AS "S1",
    (SELECT count(DISTINCT office_id) FROM peers) AS "S2",
    (SELECT count(*) FROM peers) AS "S2.registered",
    (SELECT count(*) FROM peer_dispatches WHERE office_id IN off AND status = 'done' AND date BETWEEN :start AND :end) AS "S2.dispatches",
    (SELECT count(*) FROM peer_trainings t JOIN peer_supporters p ON p.id = t.peer_id WHERE p.office_id IN off AND t.kind = 'peer_yousei' AND t.completed_on BETWEEN :start AND :end) AS "S2.trained",
    (SELECT count(*) FROM trn) AS "S3",
    (SELECT count(*) FROM trn WHERE scope = 'prefecture') AS "S3.prefecture",
    (SELECT count(*) FROM trn WHERE scope = 'region') AS "S3.region",
    (SELECT count(*) FROM trn WHERE scope = 'office') AS "S3.office",
    (SELECT count(*) FROM municipal_kyogi_status s WHERE s.fiscal_year = :fy AND s.municipality_code IN munis AND s."exists") AS "S4",
    (SELECT count(DISTINCT region_id) FROM kyogi_bodies
      WHERE prefecture_code = :p AND (office_id IN off OR office_id IS NULL) AND level = 'region' AND region_id IN regs
        AND (established_on IS NULL OR established_on <= :end) AND (ended_on IS NULL OR ended_on > :end)) AS "S5"`;

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
