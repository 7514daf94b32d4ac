import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { openDatabase, type Db } from "@/db/client";
import { prepareDatabase } from "@/db/seed";
import { JOINT_PEER_TRAINING, MUNICIPAL_KYOGI_COUNTS, seedDemoActivities } from "@/db/seed/demo-activities";
import { getKyogiCoverageForActor, getMeetingSummaryForActor, getMonthlySummaryForActor, getTrainingSummaryForActor } from "@/lib/dal/activity-summaries";
import { todayIso } from "@/lib/domain/fiscal-year";
import { actorFor, seededDb } from "../helpers/test-db";

/*
 * The demo activities must reproduce the FY2021 (令和3年度) figures of the two seed sheets
 * (shared/reference/seed-figures.json). Each figure is computed twice: through the summary
 * functions the pages and the yearly sheet use, and with a plain SQL count on the tables.
 */

let db: Db;
const FY = 2021;
const FY_START = "2021-04-01";
const FY_END = "2022-03-31";

type Row = Record<string, unknown>;
/** The better-sqlite3 handle under drizzle, for plain SQL written out in full. */
const sqlite = () => (db as unknown as { $client: import("better-sqlite3").Database }).$client;
const one = (text: string, ...params: unknown[]) => sqlite().prepare(text).get(...params) as Row;
const n = (text: string, ...params: unknown[]) => Number(Object.values(one(text, ...params))[0]);

before(async () => {
  db = await seededDb();
});

describe("岡山県 FY2021", () => {
  test("exactly one 地域移行推進検討会, held by the prefecture as a session of its 協議の場", () => {
    const summary = getMeetingSummaryForActor(actorFor("okayama.pref"), { fiscalYear: FY });
    assert.equal(summary.byKind.chiiki_ikou_suishin, 1);
    const sql1 = one(
      `SELECT count(*) AS n, min(m.office_id) AS office, min(b.name) AS body, min(b.level) AS level FROM meetings m JOIN kyogi_bodies b ON b.id = m.kyogi_body_id
       WHERE m.prefecture_code = '33' AND m.kind = 'chiiki_ikou_suishin' AND m.date BETWEEN ? AND ?`,
      FY_START,
      FY_END,
    );
    assert.equal(sql1.n, 1);
    assert.equal(sql1.office, null);
    assert.equal(sql1.body, "精神障害者地域移行推進検討会");
    assert.equal(sql1.level, "prefecture");
    // All sessions of kind 推進検討会, linked or not, are that one.
    assert.equal(n(`SELECT count(*) FROM meetings WHERE prefecture_code = '33' AND kind = 'chiiki_ikou_suishin' AND date BETWEEN ? AND ?`, FY_START, FY_END), 1);
  });

  test("5 人材育成研修: 県全域 1 (prefecture-held) + 保健所・支所圏域 4 (office-held)", () => {
    const summary = getTrainingSummaryForActor(actorFor("okayama.pref"), { fiscalYear: FY });
    assert.equal(summary.byKind.jinzai_ikusei, 5);
    assert.deepEqual(summary.byKindAndScope.jinzai_ikusei, { prefecture: 1, region: 0, office: 4 });
    const rows = sqlite()
      .prepare(`SELECT scope, office_id IS NULL AS pref, count(*) AS n FROM training_events WHERE prefecture_code = '33' AND kind = 'jinzai_ikusei' AND date BETWEEN ? AND ? GROUP BY scope, pref ORDER BY scope`)
      .all(FY_START, FY_END);
    assert.deepEqual(rows, [
      { scope: "office", pref: 0, n: 4 },
      { scope: "prefecture", pref: 1, n: 1 },
    ]);
  });

  test("23 of 27 municipalities with a 協議の場; fewer before, 27 by FY2024", () => {
    const c = getKyogiCoverageForActor(actorFor("okayama.pref"), { fiscalYear: FY });
    assert.deepEqual([c.municipalities.covered, c.municipalities.total], [23, 27]);
    assert.equal(n(`SELECT count(*) FROM municipal_kyogi_status WHERE prefecture_code = '33' AND fiscal_year = 2021 AND "exists" = 1`), 23);
    assert.equal(n(`SELECT count(*) FROM municipalities WHERE prefecture_code = '33'`), 27);
    const perYear = sqlite()
      .prepare(`SELECT fiscal_year AS fy, sum("exists") AS n FROM municipal_kyogi_status WHERE prefecture_code = '33' AND fiscal_year <= 2024 GROUP BY fiscal_year ORDER BY fiscal_year`)
      .all() as { fy: number; n: number }[];
    assert.deepEqual(perYear.map((r) => r.n), [15, 19, 23, 25, 26, 27]);
    for (let i = 1; i < perYear.length; i++) assert.ok(perYear[i]!.n >= perYear[i - 1]!.n);
    for (const r of perYear) assert.equal(getKyogiCoverageForActor(actorFor("okayama.pref"), { fiscalYear: r.fy }).municipalities.covered, r.n);
  });

  test("a regional 協議の場 in each of the 5 regions (5か所以上)", () => {
    const c = getKyogiCoverageForActor(actorFor("okayama.pref"), { fiscalYear: FY });
    assert.deepEqual([c.regions.covered, c.regions.total], [5, 5]);
    assert.ok(c.regionBodies >= 5);
    assert.equal(c.prefectureBodies, 1);
    const plain = one(
      `SELECT count(DISTINCT region_id) AS regions, count(*) AS bodies FROM kyogi_bodies
       WHERE prefecture_code = '33' AND level = 'region' AND active = 1 AND (established_on IS NULL OR established_on <= ?)`,
      FY_END,
    );
    assert.equal(plain.regions, 5);
    assert.equal(plain.bodies, c.regionBodies);
  });

  test("(自立支援)協議会 twice with its 精神部会", () => {
    const s = getMeetingSummaryForActor(actorFor("okayama.pref"), { fiscalYear: FY });
    assert.equal(s.byKind.jiritsu_council, 2);
    assert.ok(s.byKind.jiritsu_mh_subcommittee >= 1);
    assert.equal(n(`SELECT count(*) FROM meetings WHERE prefecture_code = '33' AND kind = 'jiritsu_council' AND date BETWEEN ? AND ?`, FY_START, FY_END), 2);
    assert.ok(n(`SELECT count(*) FROM meetings WHERE prefecture_code = '33' AND kind = 'jiritsu_mh_subcommittee' AND date BETWEEN ? AND ?`, FY_START, FY_END) >= 1);
  });

  test("コアメンバー連絡会 in August, November and January; 担当者連絡会; 中央研修会 in December", () => {
    const months = (sqlite().prepare(`SELECT substr(date, 6, 2) AS m FROM meetings WHERE prefecture_code = '33' AND kind = 'core_member' AND date BETWEEN ? AND ? ORDER BY date`).all(FY_START, FY_END) as { m: string }[]).map((r) => r.m);
    assert.deepEqual(months, ["08", "11", "01"]);
    const s = getMeetingSummaryForActor(actorFor("okayama.pref"), { fiscalYear: FY });
    assert.equal(s.byKind.core_member, 3);
    assert.ok(s.byKind.hc_staff_liaison >= 1);
    const central = sqlite().prepare(`SELECT date FROM training_events WHERE prefecture_code = '33' AND kind = 'central' AND date BETWEEN ? AND ?`).all(FY_START, FY_END) as { date: string }[];
    assert.deepEqual(central.map((r) => r.date.slice(5, 7)), ["12"]);
    assert.equal(getTrainingSummaryForActor(actorFor("okayama.pref"), { fiscalYear: FY }).byKind.central, 1);
  });

  test("outreach case reviews and liaison: 3 in FY2021, 2 in FY2022; 評価検討委員会 in June, July, October 2022", () => {
    const pref = actorFor("okayama.pref");
    assert.equal(getMeetingSummaryForActor(pref, { fiscalYear: 2021 }).outreachMeetings, 3);
    assert.equal(getMeetingSummaryForActor(pref, { fiscalYear: 2022 }).outreachMeetings, 2);
    const plain = (fy: number) =>
      n(`SELECT count(*) FROM meetings WHERE prefecture_code = '33' AND kind IN ('outreach_case_review', 'outreach_liaison') AND date BETWEEN ? AND ?`, `${fy}-04-01`, `${fy + 1}-03-31`);
    assert.equal(plain(2021), 3);
    assert.equal(plain(2022), 2);
    const evaluation = (sqlite().prepare(`SELECT substr(date, 1, 7) AS m FROM meetings WHERE prefecture_code = '33' AND kind = 'outreach_evaluation' AND date BETWEEN '2022-04-01' AND '2023-03-31' ORDER BY date`).all() as { m: string }[]).map((r) => r.m);
    assert.deepEqual(evaluation, ["2022-06", "2022-07", "2022-10"]);
    assert.equal(getMeetingSummaryForActor(pref, { fiscalYear: 2022 }).byKind.outreach_evaluation, 3);
  });

  test("the ピアサポーター養成研修 of FY2021: 県北3保健所合同, hosted by 美作, on 2021-11-18", () => {
    const rows = sqlite().prepare(`SELECT id, office_id, scope, date, title FROM training_events WHERE prefecture_code = '33' AND kind = 'peer_yousei' AND date BETWEEN ? AND ?`).all(FY_START, FY_END) as Row[];
    assert.deepEqual(rows, [{ id: JOINT_PEER_TRAINING.id, office_id: "33-mimasaka", scope: "office", date: "2021-11-18", title: "県北3保健所合同ピアサポーター養成研修" }]);
    const cohosts = (sqlite().prepare(`SELECT office_id FROM training_event_cohosts WHERE training_event_id = ? ORDER BY office_id`).all(JOINT_PEER_TRAINING.id) as { office_id: string }[]).map((r) => r.office_id);
    assert.deepEqual(cohosts, ["33-bihoku", "33-maniwa"]);
    assert.equal(getTrainingSummaryForActor(actorFor("okayama.pref"), { fiscalYear: FY }).byKindAndScope.peer_yousei.office, 1);
    // The co-hosts see the joint training in their own summary, too.
    assert.equal(getTrainingSummaryForActor(actorFor("maniwa.coord"), { fiscalYear: FY }).byKind.peer_yousei, 1);
  });

  test("phone-line and hostel figures for every month FY2019–FY2024, 2 hostel rooms", () => {
    assert.equal(n(`SELECT count(*) FROM phone_line_months WHERE prefecture_code = '33' AND month BETWEEN '2019-04' AND '2025-03'`), 72);
    assert.equal(n(`SELECT count(*) FROM hostel_months WHERE prefecture_code = '33' AND month BETWEEN '2019-04' AND '2025-03' AND rooms = 2`), 72);
    const s = getMonthlySummaryForActor(actorFor("okayama.pref"), { fiscalYear: FY });
    assert.equal(s.phone!.months, 12);
    assert.equal(s.phone!.callsTotal, n(`SELECT sum(calls_total) FROM phone_line_months WHERE prefecture_code = '33' AND month BETWEEN '2021-04' AND '2022-03'`));
    // Every month's breakdowns obey the report's arithmetic.
    assert.equal(n(`SELECT count(*) FROM phone_line_months WHERE band_day + band_night + band_late_night <> calls_total OR caller_self + caller_family + caller_agency <> calls_total OR response_advice + response_referral + response_emergency <> calls_total`), 0);
    assert.equal(n(`SELECT count(*) FROM hostel_months WHERE unique_users > stays OR nights_rest + nights_refuge + nights_trial_stay > rooms * 31`), 0);
  });
});

describe("山口県 FY2021", () => {
  test("a prefecture-level 協議の場 (県地域生活移行推進会議, twice a year) and 8 of 8 regions", () => {
    const pref = actorFor("yamaguchi.pref");
    const c = getKyogiCoverageForActor(pref, { fiscalYear: FY });
    assert.equal(c.prefectureBodies, 1);
    assert.deepEqual([c.regions.covered, c.regions.total], [8, 8]);
    const s = getMeetingSummaryForActor(pref, { fiscalYear: FY });
    assert.equal(s.byKind.ken_suishin_kaigi, 2);
    assert.equal(s.kyogi.byLevel.prefecture, 2);
    assert.equal(n(`SELECT count(DISTINCT region_id) FROM kyogi_bodies WHERE prefecture_code = '35' AND level = 'region' AND active = 1 AND established_on <= ?`, FY_END), 8);
    assert.equal(n(`SELECT count(*) FROM meetings m JOIN kyogi_bodies b ON b.id = m.kyogi_body_id WHERE m.prefecture_code = '35' AND b.level = 'prefecture' AND m.kind = 'ken_suishin_kaigi' AND m.date BETWEEN ? AND ?`, FY_START, FY_END), 2);
  });

  test("each region holds its 圏域連絡調整会議 twice", () => {
    const s = getMeetingSummaryForActor(actorFor("yamaguchi.pref"), { fiscalYear: FY });
    assert.equal(s.regionLiaison.length, 8);
    assert.ok(s.regionLiaison.every((r) => r.meetings === 2), JSON.stringify(s.regionLiaison));
    const plain = sqlite().prepare(`SELECT region_id, count(*) AS n FROM meetings WHERE prefecture_code = '35' AND kind = 'region_liaison' AND date BETWEEN ? AND ? GROUP BY region_id`).all(FY_START, FY_END) as { n: number }[];
    assert.equal(plain.length, 8);
    assert.ok(plain.every((r) => r.n === 2));
  });

  test("12 of 19 municipalities, in FY2021 and as of R4.4 (the FY2022 row)", () => {
    for (const fy of [2021, 2022]) {
      const c = getKyogiCoverageForActor(actorFor("yamaguchi.pref"), { fiscalYear: fy });
      assert.deepEqual([c.municipalities.covered, c.municipalities.total], [12, 19]);
      assert.equal(n(`SELECT count(*) FROM municipal_kyogi_status WHERE prefecture_code = '35' AND fiscal_year = ? AND "exists" = 1`, fy), 12);
    }
    assert.equal(MUNICIPAL_KYOGI_COUNTS["35"]![2021], 12);
  });

  test("(自立支援)協議会 once, no 精神部会; 事例検討会 in every office; no peer training; no monthly figures", () => {
    const s = getMeetingSummaryForActor(actorFor("yamaguchi.pref"), { fiscalYear: FY });
    assert.equal(s.byKind.jiritsu_council, 1);
    assert.equal(s.byKind.jiritsu_mh_subcommittee, 0);
    assert.equal(n(`SELECT count(*) FROM meetings WHERE prefecture_code = '35' AND kind = 'jiritsu_mh_subcommittee'`), 0);
    assert.equal(n(`SELECT count(DISTINCT office_id) FROM meetings WHERE prefecture_code = '35' AND kind = 'case_review' AND date BETWEEN ? AND ?`, FY_START, FY_END), 9);
    const t = getTrainingSummaryForActor(actorFor("yamaguchi.pref"), { fiscalYear: FY });
    assert.equal(t.byKind.peer_yousei, 0);
    assert.ok(t.byKind.chiiki_ikou_teichaku >= 1);
    assert.ok(t.byKind.other >= 1);
    assert.equal(n(`SELECT count(*) FROM training_events WHERE prefecture_code = '35' AND kind = 'peer_yousei'`), 0);
    assert.equal(n(`SELECT count(*) FROM phone_line_months WHERE prefecture_code = '35'`) + n(`SELECT count(*) FROM hostel_months WHERE prefecture_code = '35'`), 0);
    assert.equal(getMonthlySummaryForActor(actorFor("yamaguchi.pref"), { fiscalYear: FY }).phone, null);
  });
});

describe("the demo activities as a whole", () => {
  test("cover FY2019–FY2024 for both prefectures and nothing after the day of seeding", () => {
    // The years after FY2024 run up to the seeding day (demo-recent.ts); demo-recent.test.ts checks them.
    for (const pref of ["33", "35"]) {
      const years = (
        sqlite().prepare(`SELECT DISTINCT CAST(substr(date, 1, 4) AS INTEGER) - (substr(date, 6, 2) < '04') AS fy FROM meetings WHERE prefecture_code = ? AND date <= '2025-03-31' ORDER BY fy`).all(pref) as { fy: number }[]
      ).map((r) => r.fy);
      assert.deepEqual(years, [2019, 2020, 2021, 2022, 2023, 2024]);
    }
    for (const table of ["meetings", "training_events", "community_events"]) {
      assert.equal(n(`SELECT count(*) FROM ${table} WHERE date > ? OR date < '2019-04-01'`, todayIso()), 0, table);
    }
  });

  test("are deterministic: a second database gets exactly the same rows", async () => {
    const digest = (target: Db) => {
      const h = createHash("sha256");
      for (const table of ["kyogi_bodies", "municipal_kyogi_status", "meetings", "meeting_attendance", "training_events", "training_event_cohosts", "training_attendance", "community_events", "phone_line_months", "hostel_months"]) {
        const rows = target.all(sql.raw(`SELECT * FROM ${table} ORDER BY 1, 2`)) as Row[];
        // User ids are ULIDs minted when the accounts are seeded; who wrote a row is compared by username.
        const names = new Map((target.all(sql.raw("SELECT id, username FROM users")) as { id: string; username: string }[]).map((u) => [u.id, u.username]));
        for (const r of rows) h.update(JSON.stringify({ ...r, created_by: names.get(String(r.created_by)), updated_by: names.get(String(r.updated_by)) }));
      }
      return h.digest("hex");
    };
    const other = openDatabase(":memory:");
    await prepareDatabase(other);
    assert.equal(digest(other), digest(db));
    // A second start keeps what is there: the guard in prepareDatabase seeds only an empty table.
    const before = n(`SELECT count(*) FROM meetings`);
    await prepareDatabase(db);
    assert.equal(n(`SELECT count(*) FROM meetings`), before);
  });

  test("report what they created", () => {
    const fresh = openDatabase(":memory:");
    return prepareDatabase(fresh).then(() => {
      fresh.run(sql.raw("DELETE FROM meeting_attendance"));
      for (const t of ["meetings", "training_attendance", "training_event_cohosts", "training_events", "community_events", "municipal_kyogi_status", "kyogi_bodies", "phone_line_months", "hostel_months"]) fresh.run(sql.raw(`DELETE FROM ${t}`));
      const summary = seedDemoActivities(fresh);
      const count = (table: string) => Number((fresh.all(sql.raw(`SELECT count(*) AS n FROM ${table}`)) as { n: number }[])[0]!.n);
      assert.deepEqual(summary, {
        kyogiBodies: count("kyogi_bodies"),
        municipalStatusRows: (27 + 19) * 6,
        meetings: count("meetings"),
        trainings: count("training_events"),
        events: count("community_events"),
        phoneMonths: 72,
        hostelMonths: 72,
      });
      assert.equal(count("municipal_kyogi_status"), (27 + 19) * 6);
    });
  });
});
