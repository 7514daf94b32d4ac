import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { asc, eq, sql } from "drizzle-orm";
import { openDatabase, type Db } from "@/db/client";
import { peerDispatchMembers, peerDispatches, peerIdentities, peerRegistrations, peerSupporters, peerTrainings } from "@/db/schema";
import { prepareDatabase } from "@/db/seed";
import { NORTHERN_JOINT_TRAINING } from "@/db/seed/demo-peers";
import { getDispatchYearSummaryForActor } from "@/lib/dal/peer-dispatch-summary";
import { getPeerYearSummaryForActor } from "@/lib/dal/peer-summary";
import { todayIso } from "@/lib/domain/fiscal-year";
import { actorFor, seededDb } from "../helpers/test-db";

let db: Db;
before(async () => {
  db = await seededDb();
});

describe("demo peer supporters", () => {
  test("FY2021: every office of 岡山県 had registered peers (保健所・支所にピアサポーターが登録され派遣できる体制)", () => {
    const summary = getPeerYearSummaryForActor(actorFor("okayama.pref"), 2021);
    assert.equal(summary.offices, 11);
    assert.equal(summary.officesWithPeers, 11);
    // The same with a plain count: distinct offices with a registration row for FY2021.
    const rows = db.get<{ n: number }>(sql`SELECT count(DISTINCT p.office_id) AS n FROM peer_registrations r JOIN peer_supporters p ON p.id = r.peer_id WHERE r.fiscal_year = 2021 AND p.prefecture_code = '33'`);
    assert.equal(rows.n, 11);
    // And peers were dispatched that year.
    assert.ok(getDispatchYearSummaryForActor(actorFor("okayama.pref"), 2021).done > 0);
  });

  test("FY2021: the joint training of the three northern offices, its graduates registered there that year", () => {
    const graduates = db
      .select({ officeId: peerSupporters.officeId, registeredOn: peerSupporters.registeredOn })
      .from(peerTrainings)
      .innerJoin(peerSupporters, eq(peerSupporters.id, peerTrainings.peerId))
      .where(eq(peerTrainings.completedOn, NORTHERN_JOINT_TRAINING.date))
      .all();
    assert.equal(graduates.length, 6);
    assert.deepEqual([...new Set(graduates.map((g) => g.officeId))].sort(), [...NORTHERN_JOINT_TRAINING.offices].sort());
    for (const g of graduates) assert.ok(g.registeredOn > NORTHERN_JOINT_TRAINING.date && g.registeredOn <= "2022-03-31", g.registeredOn);
    // No 養成研修 otherwise in FY2021 (the joint one replaced the prefecture's).
    assert.equal(getPeerYearSummaryForActor(actorFor("okayama.pref"), 2021).trainedYousei, 6);
  });

  test("山口県 has not started using peer supporters: no peers, no dispatches", () => {
    for (let fy = 2019; fy <= 2024; fy++) assert.equal(getPeerYearSummaryForActor(actorFor("yamaguchi.pref"), fy).registered, 0);
    assert.equal(db.select().from(peerSupporters).where(eq(peerSupporters.prefectureCode, "35")).all().length, 0);
    assert.equal(db.select().from(peerDispatches).where(eq(peerDispatches.prefectureCode, "35")).all().length, 0);
  });

  test("every dispatch went with peers of its office whose registration covered the day; 実施 is never in the future", () => {
    const rows = db
      .select({ date: peerDispatches.date, status: peerDispatches.status, officeId: peerDispatches.officeId, peerOffice: peerSupporters.officeId, peerId: peerSupporters.id })
      .from(peerDispatchMembers)
      .innerJoin(peerDispatches, eq(peerDispatches.id, peerDispatchMembers.dispatchId))
      .innerJoin(peerSupporters, eq(peerSupporters.id, peerDispatchMembers.peerId))
      .all();
    assert.ok(rows.length > 50);
    const registrations = db.select().from(peerRegistrations).all();
    for (const r of rows) {
      assert.equal(r.peerOffice, r.officeId);
      if (r.status === "done") assert.ok(r.date <= todayIso(), `${r.peerId} on ${r.date}`);
      assert.ok(registrations.some((g) => g.peerId === r.peerId && g.registeredOn <= r.date && g.expiresOn >= r.date), `${r.peerId} on ${r.date}`);
    }
  });

  test("registrations follow the rules: 養成研修 before the first registration, each row a whole fiscal year's end, codes per office", () => {
    const peers = db.select().from(peerSupporters).all();
    for (const p of peers) {
      const regs = db.select().from(peerRegistrations).where(eq(peerRegistrations.peerId, p.id)).orderBy(asc(peerRegistrations.fiscalYear)).all();
      assert.equal(regs[0]!.registeredOn, p.registeredOn);
      assert.equal(regs.at(-1)!.expiresOn, p.expiresOn);
      for (const r of regs) assert.equal(r.expiresOn, `${r.fiscalYear + 1}-03-31`);
      const yousei = db.select().from(peerTrainings).where(eq(peerTrainings.peerId, p.id)).all().filter((t) => t.kind === "peer_yousei");
      for (const y of yousei) assert.ok(y.completedOn < p.registeredOn, p.id);
      assert.match(p.displayCode, /^[A-Z]{2}-P-\d{3}$/);
    }
    const identities = db.select().from(peerIdentities).all();
    assert.equal(identities.length, peers.length);
  });

  test("a second fresh database gets the same peers and dispatches", async () => {
    const other = openDatabase(":memory:");
    await prepareDatabase(other);
    const digest = (d: Db) =>
      JSON.stringify([
        d.select({ id: peerSupporters.id, code: peerSupporters.displayCode, status: peerSupporters.status, fy: peerSupporters.registrationFy }).from(peerSupporters).orderBy(asc(peerSupporters.id)).all(),
        d.select({ id: peerDispatches.id, date: peerDispatches.date, status: peerDispatches.status, purpose: peerDispatches.purpose, hospitalId: peerDispatches.hospitalId }).from(peerDispatches).orderBy(asc(peerDispatches.id)).all(),
        d.select().from(peerDispatchMembers).orderBy(asc(peerDispatchMembers.dispatchId), asc(peerDispatchMembers.peerId)).all(),
      ]);
    assert.equal(digest(other), digest(db));
  });
});
