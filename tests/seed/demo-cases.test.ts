import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { asc, sql } from "drizzle-orm";
import { openDatabase, type Db } from "@/db/client";
import { HASH_LABELS } from "@/db/schema/encrypted";
import { keyring } from "@/lib/crypto/keyring";
import { openEnvelope } from "../helpers/envelopes";
import {
  carePlans,
  caseActivities,
  caseNumberSequences,
  casePhaseEvents,
  cases,
  followUpChecks,
  healthCenters,
  hospitalizations,
  hospitals,
  outreachCases,
  outreachNumberSequences,
  peerDispatches,
  peerSupporters,
  personIdentities,
  persons,
  trialStays,
  userOffices,
  users,
} from "@/db/schema";
import { prepareDatabase } from "@/db/seed";
import {
  DEMO_ANCHOR,
  DEMO_FAMILY_NAMES,
  DEMO_GIVEN_NAMES_FEMALE,
  DEMO_GIVEN_NAMES_MALE,
  DEMO_HORIZON,
  seedDemoCases,
} from "@/db/seed/demo-cases";
import { DEMO_HOSPITALS } from "@/db/seed/demo-hospitals";
import { seedDemoOutreach } from "@/db/seed/demo-outreach";
import { seedDemoPeers } from "@/db/seed/demo-peers";
import { DEMO_USERS } from "@/db/seed/demo-users";
import { PHASES, type Phase } from "@/lib/domain/case-codes";
import { setAppToday } from "@/lib/domain/clock";
import { followUpDueDates } from "@/lib/domain/case-metrics";
import { CASE_NUMBER_PATTERN, formatCaseNumber } from "@/lib/domain/case-number";
import { canTransition } from "@/lib/domain/case-phase";
import { fiscalYearOf } from "@/lib/domain/fiscal-year";
import { normalizeKana } from "@/lib/domain/kana";

const FIRST_REFERRAL = "2019-04-01";

let db: Db;
let allCases: (typeof cases.$inferSelect)[];
const groupBy = <T, K>(rows: T[], key: (r: T) => K) => {
  const map = new Map<K, T[]>();
  for (const r of rows) map.set(key(r), [...(map.get(key(r)) ?? []), r]);
  return map;
};

before(async () => {
  // These tests describe the FY2019–FY2024 demo as its seeders write it: a database seeded on
  // the anchor day, when the years after it (demo-recent.ts, relative to the seeding day) add
  // nothing. tests/seed/demo-recent.test.ts checks that a later day keeps these rows as they are.
  setAppToday(DEMO_ANCHOR);
  db = openDatabase(":memory:");
  await prepareDatabase(db);
  allCases = db.select().from(cases).orderBy(asc(cases.id)).all();
});
after(() => setAppToday(null));

/**
 * A digest of every demo row. User ids are ULIDs minted at seeding time, so they are
 * replaced by usernames: what must be stable is who owns what, not the random ids.
 */
function demoDigest(target: Db): string {
  const usernames = new Map(target.select({ id: users.id, username: users.username }).from(users).all().map((u) => [u.id, u.username]));
  const hash = createHash("sha256");
  for (const table of [
    "hospitals",
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
  ]) {
    const rows = target.all(sql.raw(`SELECT * FROM ${table} ORDER BY 1, 2`));
    hash.update(table);
    hash.update(JSON.stringify(rows, (_key, raw) => {
      const value = openEnvelope(raw);
      return typeof value === "string" && usernames.has(value) ? `user:${usernames.get(value)}` : value;
    }));
  }
  return hash.digest("hex");
}

describe("demo accounts", () => {
  test("every office has a coordinator, 備前 has two", () => {
    const rows = db
      .select({ office: userOffices.healthCenterId, username: users.username, role: users.role })
      .from(userOffices)
      .innerJoin(users, sql`${users.id} = ${userOffices.userId}`)
      .all()
      .filter((r) => r.role === "coordinator");
    const offices = db.select({ id: healthCenters.id }).from(healthCenters).all();
    for (const o of offices) assert.ok(rows.some((r) => r.office === o.id), `${o.id} has a coordinator`);
    assert.deepEqual(rows.filter((r) => r.office === "33-bizen").map((r) => r.username).sort(), ["bizen.coord", "bizen.coord2"]);
    // The nine original accounts are still there, unchanged.
    assert.deepEqual(
      DEMO_USERS.slice(0, 9).map((u) => u.username),
      ["okayama.admin", "okayama.pref", "bizen.sup", "bizen.coord", "tobi.coord", "mimasaka.coord", "yamaguchi.pref", "ube.sup", "ube.coord"],
    );
  });
});

describe("demo hospitals", () => {
  test("6–10 invented hospitals per prefecture, with a municipality of that prefecture", () => {
    const rows = db.select().from(hospitals).all();
    for (const pref of ["33", "35"]) {
      const own = rows.filter((h) => h.prefectureCode === pref);
      assert.ok(own.length >= 6 && own.length <= 10, `${pref}: ${own.length} hospitals`);
      for (const h of own) {
        assert.ok(h.municipalityCode?.startsWith(pref), h.name);
        assert.ok(h.psychBeds! >= 80 && h.psychBeds! <= 400, h.name);
      }
    }
    assert.equal(rows.length, DEMO_HOSPITALS.length);
  });
});

describe("demo cases", () => {
  test("every office has at least 6 cases and at least one open case", () => {
    const offices = db.select({ id: healthCenters.id }).from(healthCenters).all();
    assert.equal(offices.length, 20);
    const byOffice = groupBy(allCases, (c) => c.officeId);
    for (const o of offices) {
      const own = byOffice.get(o.id) ?? [];
      assert.ok(own.length >= 6 && own.length <= 30, `${o.id}: ${own.length} cases`);
      assert.ok(
        own.some((c) => c.phase !== "closed"),
        `${o.id} has an open case`,
      );
    }
  });

  test("every phase occurs in each prefecture", () => {
    for (const pref of ["33", "35"]) {
      const phases = new Set(allCases.filter((c) => c.prefectureCode === pref).map((c) => c.phase));
      assert.deepEqual([...phases].sort(), [...PHASES].sort(), pref);
    }
  });

  test("referrals span FY2019–FY2024, more closed early and more open late", () => {
    const fys = new Set(allCases.map((c) => fiscalYearOf(c.referralDate)));
    assert.deepEqual([...fys].sort(), [2019, 2020, 2021, 2022, 2023, 2024]);
    const closedShare = (fy: number[]) => {
      const own = allCases.filter((c) => fy.includes(fiscalYearOf(c.referralDate)));
      return own.filter((c) => c.phase === "closed").length / own.length;
    };
    assert.ok(closedShare([2019, 2020]) > 0.6);
    assert.ok(closedShare([2023, 2024]) < 0.3);
  });

  test("case numbers are unique, well formed and continue from the sequence rows", () => {
    const offices = new Map(db.select().from(healthCenters).all().map((o) => [o.id, o]));
    const numbers = allCases.map((c) => c.caseNo);
    assert.equal(new Set(numbers).size, numbers.length);
    const maxSeq = new Map<string, number>();
    const seqs = new Map<string, number[]>();
    for (const c of allCases) {
      assert.match(c.caseNo, CASE_NUMBER_PATTERN);
      const office = offices.get(c.officeId)!;
      const fy = fiscalYearOf(c.referralDate);
      const seq = Number(c.caseNo.split("-").at(-1));
      assert.equal(c.caseNo, formatCaseNumber(c.prefectureCode, office.casePrefix, fy, seq));
      const key = `${c.officeId}/${fy}`;
      maxSeq.set(key, Math.max(maxSeq.get(key) ?? 0, seq));
      seqs.set(key, [...(seqs.get(key) ?? []), seq]);
    }
    // Within an office and year the numbers run 1..n in referral order.
    for (const [key, list] of seqs) {
      assert.deepEqual(
        [...list].sort((a, b) => a - b),
        list.map((_, i) => i + 1),
        key,
      );
    }
    const rows = db.select().from(caseNumberSequences).all();
    assert.deepEqual(
      new Map(rows.map((r) => [`${r.officeId}/${r.fiscalYear}`, r.lastSeq])),
      maxSeq,
    );
  });

  test("dates stay within FY2019–FY2024, and scheduled dates within FY2025", () => {
    for (const c of allCases) {
      assert.ok(c.referralDate >= FIRST_REFERRAL && c.referralDate <= DEMO_ANCHOR, c.id);
      for (const d of [c.supportStartDate, c.consentDate, c.dischargeDate, c.endDate, c.lastActivityDate]) {
        if (d) assert.ok(d >= c.referralDate && d <= DEMO_ANCHOR, `${c.id} ${d}`);
      }
      assert.ok(c.indexAdmissionDate < c.referralDate, c.id);
      if (c.plannedDischargeDate) assert.ok(c.plannedDischargeDate <= DEMO_HORIZON, c.id);
      assert.equal(c.dischargeDate === null, c.dischargeDestination === null);
      assert.equal(c.phase === "closed", c.endDate !== null && c.endReason !== null);
      if (c.admissionDatePrecision === "month") assert.match(c.indexAdmissionDate, /-01$/);
      if (c.admissionDatePrecision === "year") assert.match(c.indexAdmissionDate, /-01-01$/);
    }
    for (const e of db.select().from(casePhaseEvents).all()) assert.ok(e.date <= DEMO_ANCHOR);
    for (const a of db.select().from(caseActivities).all()) assert.ok(a.date <= DEMO_ANCHOR);
    for (const t of db.select().from(trialStays).all()) assert.ok(t.startDate <= t.endDate && t.endDate <= DEMO_ANCHOR);
    for (const h of db.select().from(hospitalizations).all()) assert.ok(h.admissionDate <= DEMO_ANCHOR && (h.dischargeDate ?? "") <= DEMO_ANCHOR);
    for (const p of db.select().from(carePlans).all()) {
      assert.ok(p.createdDate <= DEMO_ANCHOR);
      for (const d of [p.reviewDueDate, p.periodEndDate]) if (d) assert.ok(d <= DEMO_HORIZON);
    }
    for (const f of db.select().from(followUpChecks).all()) assert.ok(f.dueDate <= DEMO_HORIZON && (f.checkedDate ?? "") <= DEMO_ANCHOR);
  });

  test("phase histories follow the allowed transitions and match the case", () => {
    const events = groupBy(db.select().from(casePhaseEvents).orderBy(asc(casePhaseEvents.id)).all(), (e) => e.caseId);
    let resumed = 0;
    for (const c of allCases) {
      const history = events.get(c.id) ?? [];
      assert.ok(history.length >= 1, c.id);
      assert.deepEqual([history[0]!.fromPhase, history[0]!.phase, history[0]!.date], [null, "identified", c.referralDate]);
      let resumePhase: Phase | null = null;
      for (let i = 1; i < history.length; i++) {
        const prev = history[i - 1]!;
        const e = history[i]!;
        assert.equal(e.fromPhase, prev.phase, `${c.id} event ${i}`);
        assert.ok(canTransition(prev.phase, e.phase, resumePhase), `${c.id}: ${prev.phase} → ${e.phase}`);
        assert.ok(e.date >= prev.date && e.date >= c.supportStartDate, `${c.id}: dates in order`);
        if (e.phase === "suspended") resumePhase = prev.phase;
        if (prev.phase === "suspended" && e.phase !== "closed") resumed++;
      }
      const last = history.at(-1)!;
      assert.equal(last.phase, c.phase, c.id);
      assert.equal(history.find((e) => e.phase === "discharged")?.date ?? null, c.dischargeDate, `${c.id} discharge date`);
      assert.equal(c.phase === "closed" ? last.date : null, c.endDate, `${c.id} end date`);
    }
    assert.ok(resumed >= 3, `${resumed} cases resumed after a pause`);
  });

  test("every discharged case has the four follow-ups, due 1/3/6/12 months after discharge", () => {
    const checks = groupBy(db.select().from(followUpChecks).all(), (f) => f.caseId);
    const stays = groupBy(db.select().from(hospitalizations).all(), (h) => h.caseId);
    let overdue = 0;
    for (const c of allCases) {
      const own = checks.get(c.id) ?? [];
      if (!c.dischargeDate) {
        assert.equal(own.length, 0, c.id);
        continue;
      }
      assert.deepEqual(
        own.map((f) => ({ offsetMonths: f.offsetMonths, dueDate: f.dueDate })).sort((a, b) => a.offsetMonths - b.offsetMonths),
        followUpDueDates(c.dischargeDate),
      );
      for (const f of own) {
        assert.equal(f.checkedDate === null, f.status === null);
        if (f.dueDate > DEMO_ANCHOR) assert.equal(f.checkedDate, null);
        else if (!f.checkedDate) overdue++;
        if (f.status === "readmitted") {
          const readmitted = (stays.get(c.id) ?? []).some((h) => !h.isIndex && h.admissionDate <= f.checkedDate! && (h.dischargeDate ?? "9999") >= f.checkedDate!);
          assert.ok(readmitted, `${c.id}: 再入院中 matches a readmission`);
        }
      }
    }
    assert.ok(overdue > 0, "a few due checks are left unrecorded");
  });

  test("one index stay per case, and readmissions after discharge for some", () => {
    const stays = groupBy(db.select().from(hospitalizations).all(), (h) => h.caseId);
    let readmitted = 0;
    for (const c of allCases) {
      const own = stays.get(c.id) ?? [];
      const index = own.filter((h) => h.isIndex);
      assert.equal(index.length, 1, c.id);
      assert.equal(index[0]!.admissionDate, c.indexAdmissionDate);
      if (c.dischargeDate) assert.equal(index[0]!.dischargeDate, c.dischargeDate);
      const re = own.filter((h) => !h.isIndex);
      for (const h of re) assert.ok(c.dischargeDate && h.admissionDate > c.dischargeDate, `${c.id} readmission after discharge`);
      if (re.length > 0) readmitted++;
    }
    const discharged = allCases.filter((c) => c.dischargeDate).length;
    assert.ok(readmitted / discharged > 0.08 && readmitted / discharged < 0.25, `${readmitted}/${discharged} readmitted`);
  });

  test("activities: 2–25 per case, within the support period, by the coordinator", () => {
    const activities = groupBy(db.select().from(caseActivities).all(), (a) => a.caseId);
    const typeCounts = new Map<string, number>();
    let stale = 0;
    for (const c of allCases) {
      const own = activities.get(c.id) ?? [];
      assert.ok(own.length >= 2 && own.length <= 25, `${c.id}: ${own.length} activities`);
      for (const a of own) {
        assert.ok(a.date >= c.supportStartDate && a.date <= (c.endDate ?? DEMO_ANCHOR), `${c.id} ${a.date}`);
        assert.equal(a.staffUserId, c.coordinatorUserId);
        assert.ok(a.minutes! >= 15 && a.minutes! <= 120);
        typeCounts.set(a.activityType, (typeCounts.get(a.activityType) ?? 0) + 1);
      }
      assert.equal(c.lastActivityDate, own.map((a) => a.date).sort().at(-1));
      if (c.phase !== "closed" && c.lastActivityDate! < "2025-03-01") stale++;
    }
    const ranked = [...typeCounts].sort((a, b) => b[1] - a[1]);
    assert.equal(ranked[0]![0], "ward_visit");
    assert.ok(stale >= 5, `${stale} open cases without activity for 30+ days`);
  });

  test("coordinators own cases of their own office only", () => {
    const links = new Set(db.select().from(userOffices).all().map((l) => `${l.userId}/${l.healthCenterId}`));
    for (const c of allCases) {
      assert.ok(links.has(`${c.coordinatorUserId}/${c.officeId}`), c.id);
      assert.equal(c.createdBy, c.coordinatorUserId);
    }
    const bizen = new Set(allCases.filter((c) => c.officeId === "33-bizen").map((c) => c.coordinatorUserId));
    assert.equal(bizen.size, 2);
  });

  test("some open cases still lack consent; plans exist only with consent", () => {
    const open = allCases.filter((c) => c.phase !== "closed");
    const without = open.filter((c) => c.consentDate === null).length;
    assert.ok(without > 0 && without / open.length < 0.25, `${without}/${open.length} open cases without consent`);
    const byId = new Map(allCases.map((c) => [c.id, c]));
    for (const p of db.select().from(carePlans).all()) assert.ok(byId.get(p.caseId)!.consentDate, p.id);
  });
});

describe("demo persons", () => {
  const familyNames = new Map<string, string>(DEMO_FAMILY_NAMES.map(([k, kana]) => [k, kana]));
  const givenNames = new Map<string, string>([...DEMO_GIVEN_NAMES_MALE, ...DEMO_GIVEN_NAMES_FEMALE].map(([k, kana]) => [k, kana]));

  test("names come from the invented lists, with their readings and a matching search key", () => {
    const rows = db.select().from(personIdentities).all();
    // Every case has a person of its own; outreach (demo-outreach.ts) adds a few more persons.
    assert.equal(new Set(allCases.map((c) => c.personId)).size, allCases.length);
    for (const i of rows) {
      assert.equal(familyNames.get(i.familyName), i.familyNameKana, i.personId);
      assert.equal(givenNames.get(i.givenName), i.givenNameKana, i.personId);
      assert.equal(i.kanaKey, keyring().hash(HASH_LABELS.kana, normalizeKana(i.familyNameKana + i.givenNameKana)));
      if (i.phone) assert.match(i.phone, /^090-0000-\d{4}$/);
      if (i.address) assert.match(i.address, /^（デモ）/);
    }
  });

  test("birth dates match birth_year_month, and people are of a plausible age", () => {
    const identities = new Map(db.select().from(personIdentities).all().map((i) => [i.personId, i]));
    for (const p of db.select().from(persons).all()) {
      const dob = identities.get(p.id)!.dateOfBirth!;
      assert.equal(dob.slice(0, 7), p.birthYearMonth, p.id);
      const year = Number(p.birthYearMonth.slice(0, 4));
      assert.ok(year >= 1940 && year <= 1995, p.id);
    }
    const personById = new Map(db.select().from(persons).all().map((p) => [p.id, p]));
    for (const c of allCases) {
      const p = personById.get(c.personId)!;
      assert.equal(p.officeId, c.officeId);
      assert.equal(p.prefectureCode, c.prefectureCode);
      assert.ok(Number(c.indexAdmissionDate.slice(0, 4)) - Number(p.birthYearMonth.slice(0, 4)) >= 15, `${c.id} admitted as an adult`);
    }
  });

  test("each prefecture has a pair with the same reading and birth month (for the duplicate check)", () => {
    const rows = db
      .select({ pref: persons.prefectureCode, key: personIdentities.kanaKey, ym: persons.birthYearMonth })
      .from(persons)
      .innerJoin(personIdentities, sql`${personIdentities.personId} = ${persons.id}`)
      .all();
    for (const pref of ["33", "35"]) {
      const keys = rows.filter((r) => r.pref === pref).map((r) => `${r.key}/${r.ym}`);
      assert.ok(new Set(keys).size < keys.length, `${pref} has a duplicate pair`);
    }
  });
});

describe("determinism and speed", () => {
  test("a second fresh database gets identical rows, and the generation is fast", async () => {
    const other = openDatabase(":memory:");
    const messages: string[] = [];
    await prepareDatabase(other, (m) => messages.push(m));
    assert.ok(messages.some((m) => /^Created \d+ demo cases across FY2019–FY2024\.$/.test(m)), messages.join("\n"));
    assert.equal(demoDigest(other), demoDigest(db));

    // Time the case generation alone, on a database that has the org tree and accounts.
    other.transaction((tx) => {
      tx.delete(peerDispatches).run(); // dispatches point at cases and hospitals (and come back below)
      tx.delete(peerSupporters).run();
      tx.delete(outreachCases).run(); // outreach rows point at persons (and come back below)
      tx.delete(outreachNumberSequences).run();
      tx.delete(cases).run(); // children go with it (ON DELETE CASCADE)
      tx.delete(caseNumberSequences).run();
      tx.delete(persons).run();
      tx.delete(hospitals).run();
    });
    const started = performance.now();
    const summary = seedDemoCases(other);
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 3000, `generation took ${Math.round(elapsed)} ms`);
    assert.equal(summary.cases, allCases.length);
    assert.deepEqual(summary.skippedOffices, []);
    seedDemoOutreach(other);
    seedDemoPeers(other);
    assert.equal(demoDigest(other), demoDigest(db));
  });

  test("preparing the database again adds nothing", async () => {
    const before = demoDigest(db);
    await prepareDatabase(db);
    assert.equal(demoDigest(db), before);
  });
});
