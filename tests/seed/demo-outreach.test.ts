import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { openDatabase, type Db } from "@/db/client";
import { users } from "@/db/schema";
import { prepareDatabase } from "@/db/seed";
import { DEMO_FAMILY_NAMES } from "@/db/seed/demo-cases";
import { todayIso } from "@/lib/domain/fiscal-year";
import { OUTREACH_STATUSES } from "@/lib/domain/outreach-codes";
import { OUTREACH_CASE_NUMBER_PATTERN } from "@/lib/domain/outreach-rules";
import { seededDb } from "../helpers/test-db";
import { openEnvelope } from "../helpers/envelopes";

let db: Db;

before(async () => {
  db = await seededDb();
});

/**
 * The contractor's yearly figures for 岡山県, recomputed here with plain SQL (not through the
 * app's DAL), following the published definitions: persons supported = cases started by the
 * end of the year and not ended before its start, unduplicated; 新規 = started in the year;
 * 訪問 = 訪問 + 受診同行; 関係者会議 of a case = ケース会議.
 */
function publishedFigures(target: Db, prefectureCode: string, fy: number) {
  const start = `${fy}-04-01`;
  const end = `${fy + 1}-03-31`;
  const [persons] = target.all<{ persons: number; newPersons: number }>(sql`
    SELECT count(DISTINCT person_id) AS persons,
           count(DISTINCT CASE WHEN start_date >= ${start} THEN person_id END) AS newPersons
    FROM outreach_cases
    WHERE prefecture_code = ${prefectureCode} AND start_date IS NOT NULL AND start_date <= ${end}
      AND (end_date IS NULL OR end_date >= ${start})`);
  const [contacts] = target.all<{ visits: number; conferences: number }>(sql`
    SELECT sum(c.contact_type IN ('home_visit', 'accompany_clinic')) AS visits,
           sum(c.contact_type = 'case_conference') AS conferences
    FROM outreach_contacts c JOIN outreach_cases o ON o.id = c.outreach_case_id
    WHERE o.prefecture_code = ${prefectureCode} AND c.date BETWEEN ${start} AND ${end}`);
  return { persons: persons!.persons, newPersons: persons!.newPersons, continuingPersons: persons!.persons - persons!.newPersons, visits: contacts!.visits ?? 0, conferences: contacts!.conferences ?? 0 };
}

describe("岡山県: the contracted team's published figures", () => {
  test("R3 (FY2021): 1 person (新規0・継続1), no home visits, 2 case conferences", () => {
    assert.deepEqual(publishedFigures(db, "33", 2021), { persons: 1, newPersons: 0, continuingPersons: 1, visits: 0, conferences: 2 });
  });

  test("R4 (FY2022): 2 persons (新規1・継続1), 18 visits, 10 case conferences", () => {
    assert.deepEqual(publishedFigures(db, "33", 2022), { persons: 2, newPersons: 1, continuingPersons: 1, visits: 18, conferences: 10 });
  });

  test("the R4 outcomes of the report are recorded: 関係構築, 治療継続, 地域の機関へ移行", () => {
    const rows = db.all<{ outcome: string }>(sql`
      SELECT DISTINCT r.outcome FROM outreach_outcomes r JOIN outreach_cases o ON o.id = r.outreach_case_id
      WHERE o.prefecture_code = '33' AND r.date BETWEEN '2022-04-01' AND '2023-03-31' ORDER BY 1`);
    assert.deepEqual(rows.map((r) => r.outcome), ["engaged", "handed_to_local", "treatment_continued"]);
  });

  test("every Okayama case is the contracted hospital team's; several offices refer, 備前 among them", () => {
    const kinds = db.all<{ kind: string }>(sql`SELECT DISTINCT team_kind AS kind FROM outreach_cases WHERE prefecture_code = '33'`);
    assert.deepEqual(kinds.map((k) => k.kind), ["contracted_hospital"]);
    const offices = db.all<{ office: string }>(sql`SELECT DISTINCT office_id AS office FROM outreach_cases WHERE prefecture_code = '33' ORDER BY 1`).map((o) => o.office);
    assert.ok(offices.length >= 3, offices.join());
    assert.ok(offices.includes("33-bizen"));
  });

  test("the other years have one to three persons", () => {
    for (const fy of [2019, 2020, 2023, 2024]) {
      const { persons } = publishedFigures(db, "33", fy);
      assert.ok(persons >= 1 && persons <= 3, `FY${fy}: ${persons}`);
    }
  });
});

describe("山口県", () => {
  test("cases are run by the offices or the 精神保健福祉センター, 宇部 has every status", () => {
    const kinds = db.all<{ kind: string }>(sql`SELECT DISTINCT team_kind AS kind FROM outreach_cases WHERE prefecture_code = '35' ORDER BY 1`);
    assert.deepEqual(kinds.map((k) => k.kind), ["health_center", "mhwc"]);
    const ube = db.all<{ status: string }>(sql`SELECT DISTINCT status FROM outreach_cases WHERE office_id = '35-ube' ORDER BY 1`);
    assert.deepEqual(ube.map((s) => s.status).sort(), [...OUTREACH_STATUSES].sort());
  });
});

describe("consistency of every demo outreach case", () => {
  test("numbers, status and dates follow the rules", () => {
    const rows = db.all<{ case_no: string; status: string; referral_date: string; selection_conference_date: string | null; start_date: string | null; end_date: string | null; end_reason: string | null }>(
      sql`SELECT * FROM outreach_cases`,
    );
    assert.ok(rows.length >= 10);
    for (const r of rows) {
      assert.match(r.case_no, OUTREACH_CASE_NUMBER_PATTERN);
      assert.ok(r.referral_date >= "2019-04-01" && r.referral_date <= todayIso(), r.case_no);
      if (r.selection_conference_date && r.start_date) assert.ok(r.start_date >= r.selection_conference_date, r.case_no);
      assert.equal(r.status === "active", !!r.start_date && !r.end_date, r.case_no);
      assert.equal(r.status === "referred", !r.start_date && !r.end_date, r.case_no);
      if (r.end_reason === "goal_met") assert.ok(r.start_date, `${r.case_no}: goals met without support`);
      if (r.end_date) assert.ok(r.end_date <= todayIso(), r.case_no);
    }
  });

  test("contacts and outcomes lie between the referral and the end (or the day of seeding); last contact date is the latest contact", () => {
    const today = todayIso();
    const outside = db.all<{ id: string }>(sql`
      SELECT c.id FROM outreach_contacts c JOIN outreach_cases o ON o.id = c.outreach_case_id
      WHERE c.date < o.referral_date OR c.date > coalesce(o.end_date, ${today})
      UNION ALL
      SELECT r.id FROM outreach_outcomes r JOIN outreach_cases o ON o.id = r.outreach_case_id
      WHERE r.date < o.referral_date OR r.date > coalesce(o.end_date, ${today})`);
    assert.deepEqual(outside, []);
    const stale = db.all<{ id: string }>(sql`
      SELECT o.id FROM outreach_cases o
      WHERE o.last_contact_date IS NOT (SELECT max(date) FROM outreach_contacts c WHERE c.outreach_case_id = o.id)`);
    assert.deepEqual(stale, []);
  });

  test("targets include the primary one; visits name the professions present", () => {
    const missing = db.all<{ id: string }>(sql`
      SELECT o.id FROM outreach_cases o WHERE NOT EXISTS
        (SELECT 1 FROM outreach_case_targets t WHERE t.outreach_case_id = o.id AND t.target = o.primary_target)`);
    assert.deepEqual(missing, []);
    const bare = db.all<{ id: string }>(sql`
      SELECT c.id FROM outreach_contacts c WHERE NOT EXISTS (SELECT 1 FROM outreach_contact_professions p WHERE p.contact_id = c.id)`);
    assert.deepEqual(bare, []);
  });

  test("persons are invented, some shared with a discharge-support case of the same office", () => {
    const families = new Set<string>(DEMO_FAMILY_NAMES.map(([name]) => name));
    const identities = db.all<{ family_name: string; office_id: string; person_office: string }>(sql`
      SELECT i.family_name, o.office_id, p.office_id AS person_office FROM outreach_cases o
      JOIN persons p ON p.id = o.person_id JOIN person_identities i ON i.person_id = p.id`);
    for (const i of identities) {
      assert.ok(families.has(String(openEnvelope(i.family_name))), i.family_name);
      assert.equal(i.person_office, i.office_id);
    }
    const [{ shared }] = db.all<{ shared: number }>(sql`SELECT count(*) AS shared FROM outreach_cases o WHERE EXISTS (SELECT 1 FROM cases c WHERE c.person_id = o.person_id)`) as [{ shared: number }];
    assert.ok(shared >= 1);
  });
});

/** A digest of the outreach rows, with user ids replaced by usernames (ULIDs differ per run). */
function digest(target: Db): string {
  const usernames = new Map(target.select({ id: users.id, username: users.username }).from(users).all().map((u) => [u.id, u.username]));
  const hash = createHash("sha256");
  for (const table of ["outreach_cases", "outreach_case_targets", "outreach_contacts", "outreach_contact_professions", "outreach_outcomes", "outreach_number_sequences"]) {
    hash.update(JSON.stringify(target.all(sql.raw(`SELECT * FROM ${table} ORDER BY 1, 2`)), (_k, raw) => {
      const v = openEnvelope(raw);
      return typeof v === "string" && usernames.has(v) ? usernames.get(v) : v;
    }));
  }
  hash.update(JSON.stringify(target.all(sql.raw(`SELECT p.*, i.* FROM persons p JOIN person_identities i ON i.person_id = p.id WHERE p.id LIKE 'p-or-%' ORDER BY 1`)), (_k, raw) => openEnvelope(raw)));
  return hash.digest("hex");
}

test("a second fresh database gets identical outreach rows", async () => {
  const other = openDatabase(":memory:");
  const messages: string[] = [];
  await prepareDatabase(other, (m) => messages.push(m));
  assert.ok(messages.some((m) => /^Created \d+ demo outreach cases with \d+ contacts and \d+ outcomes\.$/.test(m)), messages.join("\n"));
  assert.equal(digest(other), digest(db));
});
