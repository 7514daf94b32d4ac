import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { openDatabase, type Db } from "@/db/client";
import { prepareDatabase } from "@/db/seed";
import { DEMO_ANCHOR } from "@/db/seed/demo-cases";
import { seedDemoRecent } from "@/db/seed/demo-recent";
import { getMeetingSummaryForActor } from "@/lib/dal/activity-summaries";
import { getCaseSummaryForActor, listCasesForActor } from "@/lib/dal/case-list";
import { getDispatchYearSummaryForActor } from "@/lib/dal/peer-dispatch-summary";
import { followUpDueDates } from "@/lib/domain/case-metrics";
import { canTransition } from "@/lib/domain/case-phase";
import type { Phase } from "@/lib/domain/case-codes";
import { setAppToday } from "@/lib/domain/clock";
import { addDays } from "@/lib/domain/date-math";
import { fiscalYearOf } from "@/lib/domain/fiscal-year";
import { openEnvelope } from "../helpers/envelopes";
import { actorFor, seededDb } from "../helpers/test-db";

/*
 * The demo after FY2024 (db/seed/demo-recent*.ts, ADR 0020), seeded on a fixed day: what a
 * coordinator sees on first sign-in, that nothing "happened" after that day, that two databases
 * seeded on the same day are identical, and that FY2019–FY2024 stay exactly what the demo
 * seeded on 2025-03-31 holds (the other tests of tests/seed/ check those years' figures).
 */

const TODAY = "2026-12-01";
const CURRENT_FY = 2026;

type Row = Record<string, unknown>;
const rows = (target: Db, text: string) => target.all(sql.raw(text)) as Row[];
const one = (target: Db, text: string) => Number(Object.values(rows(target, text)[0]!)[0] ?? 0);

/** The tables demo-recent*.ts write to. */
const RECENT_TABLES = [
  "persons",
  "person_identities",
  "cases",
  "case_number_sequences",
  "case_phase_events",
  "case_activities",
  "trial_stays",
  "care_plans",
  "hospitalizations",
  "follow_up_checks",
  "meetings",
  "training_events",
  "community_events",
  "municipal_kyogi_status",
  "phone_line_months",
  "hostel_months",
  "peer_supporters",
  "peer_registrations",
  "peer_dispatches",
  "outreach_cases",
  "outreach_contacts",
  "outreach_outcomes",
];

let db: Db;
let anchorDb: Db;

before(async () => {
  // The process-wide database (the DAL's) is seeded on TODAY; a second one on the anchor day,
  // when the recent years add nothing: the FY2019–FY2024 demo alone.
  setAppToday(TODAY);
  db = await seededDb();
  setAppToday(DEMO_ANCHOR);
  anchorDb = openDatabase(":memory:");
  await prepareDatabase(anchorDb);
  setAppToday(TODAY);
});
after(() => setAppToday(null));

/** Every table the seed writes, but the accounts (their ids and password hashes are minted per run) and the count of writes (ADR 0055). */
function seededTables(target: Db): string[] {
  return rows(target, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('__drizzle_migrations', 'users', 'data_keys', 'indicator_generations') ORDER BY name").map((r) => String(r.name));
}

/** User ids (ULIDs) replaced by usernames: who owns what must be stable, not the ids. */
function byUsername(target: Db): (value: unknown) => unknown {
  const names = new Map(rows(target, "SELECT id, username FROM users").map((u) => [u.id, `user:${String(u.username)}`]));
  return (raw) => {
    const value = openEnvelope(raw);
    return typeof value === "string" && names.has(value) ? names.get(value) : value;
  };
}

function digest(target: Db): string {
  const map = byUsername(target);
  const hash = createHash("sha256");
  for (const table of seededTables(target)) {
    hash.update(table);
    // Sorted after the mapping: rows keyed by a user id would otherwise follow the ULIDs' order.
    const list = rows(target, `SELECT * FROM "${table}"`).map((r) => JSON.stringify(r, (_k, v) => map(v)));
    hash.update(list.sort().join("\n"));
  }
  return hash.digest("hex");
}

/** Things that happened, dated after `today`: every list must be empty. */
function happenedAfter(target: Db, today: string): Record<string, Row[]> {
  const month = today.slice(0, 7);
  const checks: Record<string, string> = {
    cases: `SELECT id FROM cases WHERE max(referral_date, support_start_date, coalesce(consent_date, ''), coalesce(discharge_date, ''), coalesce(end_date, ''), coalesce(last_activity_date, '')) > '${today}'`,
    events: `SELECT id FROM case_phase_events WHERE date > '${today}'`,
    activities: `SELECT id FROM case_activities WHERE date > '${today}'`,
    trialStays: `SELECT id FROM trial_stays WHERE outcome IS NOT NULL AND end_date > '${today}' OR outcome IS NULL AND start_date <= '${today}'`,
    stays: `SELECT id FROM hospitalizations WHERE admission_date > '${today}' OR discharge_date > '${today}'`,
    plans: `SELECT id FROM care_plans WHERE created_date > '${today}' OR ended_on > '${today}'`,
    followUps: `SELECT id FROM follow_up_checks WHERE checked_date > '${today}' OR checked_date < due_date`,
    dispatches: `SELECT id FROM peer_dispatches WHERE status IN ('done', 'cancelled') AND date > '${today}'`,
    registrations: `SELECT peer_id FROM peer_registrations WHERE registered_on > '${today}'`,
    peerTrainings: `SELECT id FROM peer_trainings WHERE completed_on > '${today}'`,
    peerStatus: `SELECT id FROM peer_supporters WHERE status_changed_on > '${today}'`,
    meetings: `SELECT id FROM meetings WHERE date > '${today}'`,
    trainings: `SELECT id FROM training_events WHERE date > '${today}'`,
    events2: `SELECT id FROM community_events WHERE date > '${today}'`,
    outreach: `SELECT id FROM outreach_cases WHERE max(referral_date, coalesce(selection_conference_date, ''), coalesce(start_date, ''), coalesce(end_date, ''), coalesce(last_contact_date, '')) > '${today}'`,
    contacts: `SELECT id FROM outreach_contacts WHERE date > '${today}'`,
    outcomes: `SELECT id FROM outreach_outcomes WHERE date > '${today}'`,
    months: `SELECT month FROM phone_line_months WHERE month >= '${month}' UNION ALL SELECT month FROM hostel_months WHERE month >= '${month}'`,
    kyogi: `SELECT municipality_code FROM municipal_kyogi_status WHERE established_on > '${today}'`,
  };
  // Every row the recent years write was created and last changed by today.
  for (const table of RECENT_TABLES) {
    const columns = rows(target, `PRAGMA table_info("${table}")`).map((c) => c.name);
    if (columns.includes("created_at")) checks[`${table}.created_at`] = `SELECT rowid FROM "${table}" WHERE substr(created_at, 1, 10) > '${today}'`;
    if (columns.includes("updated_at")) checks[`${table}.updated_at`] = `SELECT rowid FROM "${table}" WHERE substr(updated_at, 1, 10) > '${today}'`;
  }
  return Object.fromEntries(Object.entries(checks).map(([name, text]) => [name, rows(target, text)]).filter(([, found]) => (found as Row[]).length > 0));
}

/** The lifecycle rules on every case (demo-cases.test.ts checks the same on the anchor day). */
function lifecycleProblems(target: Db, today: string): string[] {
  const problems: string[] = [];
  const group = (list: Row[]) => {
    const map = new Map<string, Row[]>();
    for (const r of list) map.set(String(r.case_id), [...(map.get(String(r.case_id)) ?? []), r]);
    return map;
  };
  const events = group(rows(target, "SELECT * FROM case_phase_events ORDER BY case_id, id"));
  const checks = group(rows(target, "SELECT * FROM follow_up_checks"));
  const stays = group(rows(target, "SELECT * FROM hospitalizations"));
  const activities = group(rows(target, "SELECT * FROM case_activities"));
  const plans = group(rows(target, "SELECT * FROM care_plans"));
  for (const c of rows(target, "SELECT * FROM cases ORDER BY id")) {
    const id = String(c.id);
    const history = events.get(id) ?? [];
    if (history[0]?.phase !== "identified" || history[0]?.date !== c.referral_date) problems.push(`${id}: first event`);
    let resume: Phase | null = null;
    for (let i = 1; i < history.length; i++) {
      const [prev, e] = [history[i - 1]!, history[i]!];
      if (e.from_phase !== prev.phase || !canTransition(prev.phase as Phase, e.phase as Phase, resume)) problems.push(`${id}: ${String(prev.phase)} → ${String(e.phase)}`);
      if (String(e.date) < String(prev.date) || String(e.date) < String(c.support_start_date)) problems.push(`${id}: event ${String(e.id)} out of order`);
      if (e.phase === "suspended") resume = prev.phase as Phase;
    }
    if (history.at(-1)?.phase !== c.phase) problems.push(`${id}: phase ${String(c.phase)} is not the last event's`);
    if ((history.find((e) => e.phase === "discharged")?.date ?? null) !== c.discharge_date) problems.push(`${id}: discharge date`);
    if ((c.phase === "closed" ? history.at(-1)!.date : null) !== c.end_date) problems.push(`${id}: end date`);
    const own = checks.get(id) ?? [];
    const expected = c.discharge_date ? followUpDueDates(String(c.discharge_date)) : [];
    const actual = own.map((f) => ({ offsetMonths: Number(f.offset_months), dueDate: String(f.due_date) })).sort((a, b) => a.offsetMonths - b.offsetMonths);
    if (JSON.stringify(actual) !== JSON.stringify(expected)) problems.push(`${id}: follow-ups`);
    const index = (stays.get(id) ?? []).filter((h) => h.is_index === 1);
    if (index.length !== 1 || (c.discharge_date && index[0]!.discharge_date !== c.discharge_date)) problems.push(`${id}: index stay`);
    const acts = activities.get(id) ?? [];
    for (const a of acts) {
      if (String(a.date) < String(c.support_start_date) || String(a.date) > String(c.end_date ?? today)) problems.push(`${id}: activity ${String(a.id)} outside the support period`);
      if (a.staff_user_id !== c.coordinator_user_id) problems.push(`${id}: activity by someone else`);
    }
    if ((acts.map((a) => String(a.date)).sort().at(-1) ?? null) !== c.last_activity_date) problems.push(`${id}: last activity date`);
    if ((plans.get(id) ?? []).length > 0 && !c.consent_date) problems.push(`${id}: a plan without consent`);
  }
  // Case numbers: 1..n per office and year in referral order, and the sequence knows n.
  const seqs = new Map<string, { seq: number; referral: string }[]>();
  for (const c of rows(target, "SELECT office_id, referral_date, case_no FROM cases")) {
    const key = `${String(c.office_id)}/${fiscalYearOf(String(c.referral_date))}`;
    seqs.set(key, [...(seqs.get(key) ?? []), { seq: Number(String(c.case_no).split("-").at(-1)), referral: String(c.referral_date) }]);
  }
  const stored = new Map(rows(target, "SELECT office_id, fiscal_year, last_seq FROM case_number_sequences").map((r) => [`${String(r.office_id)}/${String(r.fiscal_year)}`, Number(r.last_seq)]));
  for (const [key, list] of seqs) {
    const bySeq = [...list].sort((a, b) => a.seq - b.seq);
    if (bySeq.some((x, i) => x.seq !== i + 1 || (i > 0 && x.referral < bySeq[i - 1]!.referral))) problems.push(`${key}: numbers`);
    if (stored.get(key) !== list.length) problems.push(`${key}: sequence row`);
  }
  return problems;
}

/** Offices with a coordinator and no open case active in the last 30 days. */
function officesWithoutRecentWork(target: Db, today: string): string[] {
  return rows(
    target,
    `SELECT DISTINCT o.healthCenterId AS office FROM (SELECT health_center_id AS healthCenterId FROM user_offices uo JOIN users u ON u.id = uo.user_id WHERE u.role = 'coordinator') o
     WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.office_id = o.healthCenterId AND c.phase <> 'closed' AND c.last_activity_date >= '${addDays(today, -30)}')`,
  ).map((r) => String(r.office));
}

describe(`the demo seeded on ${TODAY}`, () => {
  test("is deterministic: a second database seeded on the same day holds identical rows, ids included", async () => {
    const other = openDatabase(":memory:");
    const messages: string[] = [];
    await prepareDatabase(other, (m) => messages.push(m));
    assert.ok(messages.some((m) => m.startsWith(`Continued the demo through ${TODAY} (FY2025–FY2026)`)), messages.join("\n"));
    assert.equal(digest(other), digest(db));
  });

  test("a second start adds nothing", async () => {
    const before = digest(db);
    await prepareDatabase(db);
    assert.equal(digest(db), before);
  });

  test("nothing that happened is dated after today; only what is planned lies ahead", () => {
    assert.deepEqual(happenedAfter(db, TODAY), {});
    // Planned things do lie ahead: follow-ups and reviews falling due, scheduled dispatches, a booked trial stay.
    assert.ok(one(db, `SELECT count(*) FROM follow_up_checks WHERE due_date > '${TODAY}'`) > 0);
    assert.ok(one(db, `SELECT count(*) FROM care_plans WHERE status IN ('active', 'extended') AND review_due_date > '${TODAY}'`) > 0);
    assert.ok(one(db, `SELECT count(*) FROM peer_dispatches WHERE status = 'scheduled' AND date > '${TODAY}'`) > 0);
    assert.ok(one(db, `SELECT count(*) FROM trial_stays WHERE outcome IS NULL AND start_date > '${TODAY}'`) > 0);
  });

  test("every case follows the lifecycle, the follow-up, stay, activity and numbering rules", () => {
    assert.deepEqual(lifecycleProblems(db, TODAY), []);
  });

  test("the current fiscal year's lists are not empty", () => {
    // Every office with a coordinator has open cases worked in the last 30 days …
    assert.deepEqual(officesWithoutRecentWork(db, TODAY), []);
    const summary = getCaseSummaryForActor(actorFor("bizen.coord"));
    assert.ok(summary.openInReach > 0 && summary.stale < summary.openInReach / 2, JSON.stringify(summary));
    const cases = listCasesForActor(actorFor("ube.coord"), { page: 1, pageSize: 100, sort: "caseNo", dir: "asc" }, { fiscalYear: CURRENT_FY });
    assert.ok(cases.total > 0);
    // … some referred this year, some discharged or closed since FY2024.
    for (const pref of ["33", "35"]) {
      assert.ok(one(db, `SELECT count(*) FROM cases WHERE prefecture_code = '${pref}' AND referral_date >= '2026-04-01'`) > 0, pref);
      assert.ok(one(db, `SELECT count(*) FROM cases WHERE prefecture_code = '${pref}' AND discharge_date > '${DEMO_ANCHOR}'`) > 0, pref);
      assert.ok(one(db, `SELECT count(*) FROM cases WHERE prefecture_code = '${pref}' AND end_date > '${DEMO_ANCHOR}'`) > 0, pref);
    }
    // Meetings this year in both prefectures, through the summary the pages use.
    for (const username of ["okayama.pref", "yamaguchi.pref", "bizen.coord"]) {
      assert.ok(getMeetingSummaryForActor(actorFor(username), { fiscalYear: CURRENT_FY }).total > 0, username);
    }
    // Peer dispatches in 岡山県: done in the past four weeks, scheduled in the coming four; none in 山口県.
    assert.ok(getDispatchYearSummaryForActor(actorFor("okayama.pref"), CURRENT_FY).done > 0);
    assert.ok(one(db, `SELECT count(*) FROM peer_dispatches WHERE prefecture_code = '33' AND status = 'done' AND date BETWEEN '${addDays(TODAY, -28)}' AND '${TODAY}'`) > 0);
    assert.ok(one(db, `SELECT count(*) FROM peer_dispatches WHERE prefecture_code = '33' AND status = 'scheduled' AND date BETWEEN '${TODAY}' AND '${addDays(TODAY, 28)}'`) > 0);
    assert.equal(one(db, `SELECT count(*) FROM peer_dispatches WHERE prefecture_code = '35'`), 0);
    // Peers registered for every year up to this one.
    assert.deepEqual(
      rows(db, `SELECT DISTINCT fiscal_year AS fy FROM peer_registrations WHERE fiscal_year >= 2024 ORDER BY 1`).map((r) => r.fy),
      [2024, 2025, 2026],
    );
    // Outreach: every case in support has contacts this year; each status shows.
    assert.deepEqual(
      rows(db, `SELECT id FROM outreach_cases o WHERE status = 'active' AND NOT EXISTS (SELECT 1 FROM outreach_contacts c WHERE c.outreach_case_id = o.id AND c.date >= '2026-04-01')`),
      [],
    );
    assert.deepEqual(rows(db, "SELECT DISTINCT status FROM outreach_cases WHERE office_id = '35-ube' ORDER BY 1").map((r) => r.status), ["active", "closed", "referred"]);
    // 協議の場 rows for every municipality and year; phone and hostel figures to last month.
    assert.deepEqual(
      rows(db, `SELECT fiscal_year AS fy, prefecture_code AS pref, count(*) AS n, sum("exists") AS e FROM municipal_kyogi_status WHERE fiscal_year > 2024 GROUP BY 1, 2 ORDER BY 1, 2`),
      [
        { fy: 2025, pref: "33", n: 27, e: 27 },
        { fy: 2025, pref: "35", n: 19, e: 17 },
        { fy: 2026, pref: "33", n: 27, e: 27 },
        { fy: 2026, pref: "35", n: 19, e: 18 },
      ],
    );
    assert.equal(rows(db, "SELECT max(month) AS m FROM phone_line_months")[0]!.m, "2026-11");
    assert.equal(rows(db, "SELECT max(month) AS m FROM hostel_months")[0]!.m, "2026-11");
  });

  test("follow-ups and plan reviews fall due in the coming weeks; a few are overdue", () => {
    const open = (text: string) => one(db, `SELECT count(*) FROM ${text} AND c.phase <> 'closed'`);
    const dueSoon = open(`follow_up_checks f JOIN cases c ON c.id = f.case_id WHERE f.checked_date IS NULL AND f.due_date BETWEEN '${TODAY}' AND '${addDays(TODAY, 14)}'`);
    assert.ok(dueSoon >= 2, `${dueSoon} follow-ups due within 14 days`);
    for (const pref of ["33", "35"]) {
      const overdue = open(`follow_up_checks f JOIN cases c ON c.id = f.case_id WHERE c.prefecture_code = '${pref}' AND f.checked_date IS NULL AND f.due_date < '${TODAY}'`);
      assert.ok(overdue >= 1, `${pref}: ${overdue} overdue follow-ups`);
    }
    const reviews = open(`care_plans p JOIN cases c ON c.id = p.case_id WHERE p.status IN ('active', 'extended') AND p.review_due_date BETWEEN '${addDays(TODAY, 7)}' AND '${addDays(TODAY, 21)}'`);
    assert.ok(reviews >= 3, `${reviews} plan reviews due in 1–3 weeks`);
    const overdueReviews = open(`care_plans p JOIN cases c ON c.id = p.case_id WHERE p.status IN ('active', 'extended') AND p.review_due_date < '${TODAY}'`);
    const openCases = one(db, "SELECT count(*) FROM cases WHERE phase <> 'closed'");
    assert.ok(overdueReviews >= 1 && overdueReviews < openCases / 5, `${overdueReviews} overdue reviews of ${openCases} open cases`);
    // Discharge preparation looks ahead.
    assert.equal(one(db, `SELECT count(*) FROM cases WHERE phase = 'preparation' AND (planned_discharge_date IS NULL OR planned_discharge_date < '${TODAY}')`), 0);
  });
});

describe("FY2019–FY2024 stay what the demo seeded on the anchor day holds", () => {
  /** Columns that record a case's later course, which may be filled in after the anchor. */
  const mayContinue: Record<string, { when: (old: Row) => boolean; columns: string[] }> = {
    cases: {
      when: (old) => old.phase !== "closed",
      columns: ["phase", "consent_date", "consent_scope", "planned_discharge_date", "discharge_date", "discharge_destination", "living_arrangement_after", "end_date", "end_reason", "last_activity_date", "version", "updated_by", "updated_at"],
    },
    follow_up_checks: { when: (old) => old.checked_date === null, columns: ["checked_date", "status", "updated_by", "updated_at"] },
    care_plans: { when: (old) => ["drafting", "active", "extended"].includes(String(old.status)), columns: ["status", "ended_on"] },
    hospitalizations: { when: (old) => old.discharge_date === null && old.is_index === 1, columns: ["discharge_date"] },
    outreach_cases: {
      when: (old) => old.status !== "closed",
      columns: ["status", "selection_conference_date", "start_date", "end_date", "end_reason", "gaf_end", "last_contact_date", "version", "updated_by", "updated_at"],
    },
    // Peers active at the end of FY2024 are renewed through the year of seeding (demo-peers.ts).
    peer_supporters: { when: (old) => old.status !== "withdrawn", columns: ["registration_fy", "expires_on", "volunteer_insurance_until", "updated_at"] },
  };

  test("every row of the anchor-day demo is still there, unchanged but for a case's later course", () => {
    const mapOld = byUsername(anchorDb);
    const mapNew = byUsername(db);
    const differences: string[] = [];
    for (const table of seededTables(anchorDb)) {
      const info = rows(anchorDb, `PRAGMA table_info("${table}")`);
      const pk = info.filter((c) => Number(c.pk) > 0).map((c) => String(c.name));
      const keyOf = (r: Row) => JSON.stringify((pk.length > 0 ? pk : info.map((c) => String(c.name))).map((k) => r[k]));
      const norm = (r: Row, map: (v: unknown) => unknown) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, map(v)]));
      const now = new Map(rows(db, `SELECT * FROM "${table}"`).map((r) => norm(r, mapNew)).map((r) => [keyOf(r), r]));
      for (const old of rows(anchorDb, `SELECT * FROM "${table}"`).map((r) => norm(r, mapOld))) {
        const current = now.get(keyOf(old));
        if (!current) {
          differences.push(`${table} ${keyOf(old)}: missing`);
          continue;
        }
        const rule = mayContinue[table];
        const free = rule && rule.when(old) ? rule.columns : [];
        for (const [column, value] of Object.entries(old)) {
          if (current[column] === value) continue;
          // A later course may fill in what was still open, never rewrite what was recorded.
          if (free.includes(column) && (value === null || !["consent_date", "consent_scope", "discharge_date", "discharge_destination", "living_arrangement_after"].includes(column))) continue;
          differences.push(`${table} ${keyOf(old)}.${column}: ${JSON.stringify(value)} → ${JSON.stringify(current[column])}`);
        }
      }
    }
    assert.deepEqual(differences.slice(0, 20), []);
  });

  test("the rows added are dated after the anchor", () => {
    const added = (table: string, key: string, condition: string) => {
      const old = new Set(rows(anchorDb, `SELECT ${key} AS k FROM "${table}"`).map((x) => x.k));
      return rows(db, `SELECT ${key} AS k FROM "${table}" WHERE NOT (${condition})`).filter((r) => !old.has(r.k));
    };
    const a = DEMO_ANCHOR;
    const checks: [string, string, string][] = [
      ["cases", "id", `referral_date > '${a}'`],
      ["case_phase_events", "id", `date > '${a}'`],
      ["case_activities", "id", `date > '${a}'`],
      ["follow_up_checks", "id", `due_date > '${a}'`],
      ["care_plans", "id", `created_date > '${a}'`],
      ["trial_stays", "id", `start_date > '${a}'`],
      ["hospitalizations", "id", `admission_date > '${a}' OR is_index = 1`],
      ["case_number_sequences", "office_id || fiscal_year", "fiscal_year > 2024"],
      ["peer_registrations", "peer_id || fiscal_year", "fiscal_year > 2024"],
      ["peer_dispatches", "id", `date > '${a}'`],
      ["meetings", "id", `date > '${a}'`],
      ["training_events", "id", `date > '${a}'`],
      ["community_events", "id", `date > '${a}'`],
      ["municipal_kyogi_status", "municipality_code || fiscal_year", "fiscal_year > 2024"],
      ["phone_line_months", "month", "month > '2025-03'"],
      ["hostel_months", "month", "month > '2025-03'"],
      ["outreach_cases", "id", `referral_date > '${a}'`],
      ["outreach_contacts", "id", `date > '${a}'`],
      ["outreach_outcomes", "id", `date > '${a}'`],
    ];
    for (const [table, key, condition] of checks) assert.deepEqual(added(table, key, condition), [], table);
  });

  test("the yearly figures of FY2019–FY2024 are the same", () => {
    const figures = (target: Db) =>
      [2019, 2020, 2021, 2022, 2023, 2024].map((fy) => {
        const [start, end] = [`${fy}-04-01`, `${fy + 1}-03-31`];
        const q = (text: string) => rows(target, text);
        return {
          fy,
          referred: q(`SELECT prefecture_code AS p, count(*) AS n FROM cases WHERE referral_date BETWEEN '${start}' AND '${end}' GROUP BY 1`),
          supported: q(`SELECT prefecture_code AS p, count(*) AS n FROM cases WHERE support_start_date <= '${end}' AND (end_date IS NULL OR end_date >= '${start}') GROUP BY 1`),
          discharged: q(`SELECT prefecture_code AS p, count(*) AS n FROM cases WHERE discharge_date BETWEEN '${start}' AND '${end}' GROUP BY 1`),
          closed: q(`SELECT prefecture_code AS p, end_reason AS r, count(*) AS n FROM cases WHERE end_date BETWEEN '${start}' AND '${end}' GROUP BY 1, 2`),
          checked: q(`SELECT status, count(*) AS n FROM follow_up_checks WHERE checked_date BETWEEN '${start}' AND '${end}' GROUP BY 1`),
          meetings: q(`SELECT prefecture_code AS p, kind, count(*) AS n FROM meetings WHERE date BETWEEN '${start}' AND '${end}' GROUP BY 1, 2`),
          trainings: q(`SELECT prefecture_code AS p, kind, scope, count(*) AS n FROM training_events WHERE date BETWEEN '${start}' AND '${end}' GROUP BY 1, 2, 3`),
          events: q(`SELECT prefecture_code AS p, kind, count(*) AS n, sum(participants) AS people FROM community_events WHERE date BETWEEN '${start}' AND '${end}' GROUP BY 1, 2`),
          kyogi: q(`SELECT prefecture_code AS p, sum("exists") AS n FROM municipal_kyogi_status WHERE fiscal_year = ${fy} GROUP BY 1`),
          phone: q(`SELECT sum(calls_total) AS calls FROM phone_line_months WHERE month BETWEEN '${fy}-04' AND '${fy + 1}-03'`),
          peers: q(`SELECT count(*) AS n FROM peer_registrations WHERE fiscal_year = ${fy}`),
          dispatches: q(`SELECT status, count(*) AS n FROM peer_dispatches WHERE date BETWEEN '${start}' AND '${end}' GROUP BY 1`),
          outreach: q(`SELECT prefecture_code AS p, count(DISTINCT person_id) AS n FROM outreach_cases WHERE start_date <= '${end}' AND (end_date IS NULL OR end_date >= '${start}') GROUP BY 1`),
          contacts: q(`SELECT contact_type AS t, count(*) AS n FROM outreach_contacts WHERE date BETWEEN '${start}' AND '${end}' GROUP BY 1`),
        };
      });
    assert.deepEqual(figures(db), figures(anchorDb));
  });
});

describe("on other days", () => {
  for (const today of ["2025-04-01", "2026-04-01", "2027-03-31"]) {
    test(`seeded on ${today}: nothing after the day, the rules hold, every office has recent work`, async () => {
      try {
        setAppToday(today);
        const other = openDatabase(":memory:");
        await prepareDatabase(other);
        assert.deepEqual(happenedAfter(other, today), {});
        assert.deepEqual(lifecycleProblems(other, today), []);
        assert.deepEqual(officesWithoutRecentWork(other, today), []);
        const dueSoon = one(other, `SELECT count(*) FROM follow_up_checks f JOIN cases c ON c.id = f.case_id WHERE c.phase <> 'closed' AND f.checked_date IS NULL AND f.due_date BETWEEN '${today}' AND '${addDays(today, 14)}'`);
        assert.ok(dueSoon >= 2, `${dueSoon} follow-ups due within 14 days`);
      } finally {
        setAppToday(TODAY);
      }
    });
  }

  test("seeded on the anchor day or before, the demo ends on 2025-03-31 (nothing is added)", async () => {
    const messages: string[] = [];
    try {
      setAppToday("2024-12-01");
      const early = openDatabase(":memory:");
      await prepareDatabase(early, (m) => messages.push(m));
      assert.equal(one(early, `SELECT count(*) FROM case_activities WHERE date > '${DEMO_ANCHOR}'`), 0);
    } finally {
      setAppToday(TODAY);
    }
    assert.ok(messages.some((m) => m.startsWith("The demo ends on 2025-03-31")), messages.join("\n"));
    assert.equal(one(anchorDb, `SELECT count(*) FROM cases WHERE referral_date > '${DEMO_ANCHOR}'`), 0);
  });

  test("the recent years are quick to seed", async () => {
    try {
      setAppToday(DEMO_ANCHOR);
      const other = openDatabase(":memory:");
      await prepareDatabase(other);
      const started = performance.now();
      const summary = seedDemoRecent(other, TODAY);
      const elapsed = performance.now() - started;
      assert.ok(summary && summary.newCases > 0);
      assert.ok(elapsed < 2000, `the recent years took ${Math.round(elapsed)} ms`);
    } finally {
      setAppToday(TODAY);
    }
  });
});
