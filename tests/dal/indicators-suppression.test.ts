import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { healthCenters } from "@/db/schema";
import type { Actor } from "@/lib/dal/actor";
import { getIndicatorBoardForActor, getIndicatorDetailForActor, IndicatorRun, type AreaRow } from "@/lib/dal/indicators/index";
import { describeRecordsForActor } from "@/lib/dal/indicators/records";
import { indicatorScopesForActor, resolveIndicatorScope, topLevelOffices, type IndicatorScope } from "@/lib/dal/indicators/scope";
import { addCase, addDispatch, addOutreachCase, addPeer, addPeerTraining } from "../helpers/indicator-fixtures";
import { actorFor, seededDb } from "../helpers/test-db";

/*
 * Small-cell suppression (brief §7.2) as prefecture staff see it: below the prefecture a count
 * of 1–4 persons reads 「5未満」, with a complement so that a total beside it cannot give it away,
 * and the records behind a hidden figure are not listed. The prefecture's own figure is shown
 * as it is, and office staff see their own offices' figures unsuppressed.
 *
 * The small counts are built here: in FY2016 (before the demo starts) for IndicatorRun, and in
 * demo years where the demo has nothing for the indicator (asserted) for the detail page, whose
 * public entry point refuses years before 2019.
 */

let pref: Actor;
let sup: Actor;
let scopeOf: (actor: Actor, param: string) => IndicatorScope;
/** The demo's own values, read before anything is added: they must be empty for the scenarios. */
let demoBefore: Record<string, (number | null)[]> = {};

function discharged(officeId: string, n: number, o: { start: string; discharge: string; long: boolean }) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const admission = o.long ? "2010-01-01" : o.start;
    ids.push(addCase({ officeId, indexAdmissionDate: admission, supportStartDate: o.start, dischargeDate: o.discharge, dischargeDestination: "home_alone" }).id);
  }
  return ids;
}

before(async () => {
  await seededDb();
  pref = actorFor("okayama.pref");
  sup = actorFor("bizen.sup");
  scopeOf = (actor, param) => resolveIndicatorScope(actor, param);

  const tops = topLevelOffices(indicatorScopesForActor(pref));
  const run = new IndicatorRun(pref);
  demoBefore = {
    "C2 FY2019": tops.map((s) => run.raw("C2", s, 2019).value),
    "C3 FY2019": tops.map((s) => run.raw("C3", s, 2019).value),
    "A8.trained FY2020": tops.map((s) => run.raw("A8.trained", s, 2020).value),
  };

  // FY2016, for IndicatorRun. A10: 備前 4 people (1 continuing), 東備支所 2.
  addOutreachCase({ officeId: "33-bizen", status: "active", targets: ["untreated"], referralDate: "2015-09-01", startDate: "2015-10-01" });
  for (let i = 0; i < 3; i++) addOutreachCase({ officeId: "33-bizen", status: "active", targets: ["untreated"], referralDate: "2016-04-20", startDate: "2016-05-01" });
  for (let i = 0; i < 2; i++) addOutreachCase({ officeId: "33-tobi", status: "active", targets: ["untreated"], referralDate: "2016-04-20", startDate: "2016-05-01" });
  // C2: 備前 3 (long stays), 美作 7, 真庭 9; C4 at 美作: two more supported, not discharged.
  discharged("33-bizen", 3, { start: "2016-05-01", discharge: "2016-10-01", long: true });
  discharged("33-mimasaka", 7, { start: "2016-05-01", discharge: "2016-10-01", long: false });
  discharged("33-maniwa", 9, { start: "2016-05-01", discharge: "2016-10-01", long: false });
  for (let i = 0; i < 2; i++) addCase({ officeId: "33-mimasaka", indexAdmissionDate: "2016-01-01", supportStartDate: "2016-05-01" });
  // A9 (dispatches, not persons): one at 東備支所.
  addDispatch({ officeId: "33-tobi", date: "2016-06-01", status: "done", purpose: "testimony", venue: "公民館" });

  // FY2020, for the detail page. A8.trained: 備前 2 + 東備支所 1, 美作 6, 真庭 8.
  const trained = (officeId: string, n: number) => {
    for (let i = 0; i < n; i++) {
      const peer = addPeer({ officeId, registeredOn: "2020-05-01", fiscalYears: [2020] });
      addPeerTraining(peer, "peer_yousei", "2020-06-01");
    }
  };
  trained("33-bizen", 2);
  trained("33-tobi", 1);
  trained("33-mimasaka", 6);
  trained("33-maniwa", 8);

  // FY2019, for the linked tables. C2: 備前 2, 岡山市 2 (備前圏域 4), 備北 5 (高梁・新見圏域 alone),
  // 備中 8 and 倉敷市 2 (倉敷・井笠圏域 10), 真庭 9, 美作 7. C3 (a year or more): 備中 3, 倉敷市 2.
  const fy2019 = { start: "2019-05-01", discharge: "2019-10-01" };
  discharged("33-bizen", 2, { ...fy2019, long: false });
  discharged("33-okayama-city", 2, { ...fy2019, long: false });
  discharged("33-bihoku", 5, { ...fy2019, long: false });
  discharged("33-bitchu", 3, { ...fy2019, long: true });
  discharged("33-bitchu", 5, { ...fy2019, long: false });
  discharged("33-kurashiki-city", 2, { ...fy2019, long: true });
  discharged("33-maniwa", 9, { ...fy2019, long: false });
  discharged("33-mimasaka", 7, { ...fy2019, long: false });
});

const officeIdsUnder = (officeIds: string[]) =>
  getDb()
    .select({ id: healthCenters.id })
    .from(healthCenters)
    .where(inArray(healthCenters.parentId, officeIds))
    .all()
    .map((r) => r.id)
    .concat(officeIds);

const row = (rows: AreaRow[], param: string) => {
  const r = rows.find((x) => x.scope.param === param);
  assert.ok(r, `no row ${param}`);
  return r;
};

test("the demo has nothing for the scenarios' indicators and years (so the counts are ours)", () => {
  for (const [what, values] of Object.entries(demoBefore)) {
    assert.ok(values.length >= 7, what);
    assert.ok(values.every((v) => v === 0), `${what}: ${values.join(",")}`);
  }
});

describe("IndicatorRun.value for prefecture staff (FY2016)", () => {
  test("an office with 1–4 persons: suppressed, value null, no records, breakdown hidden", () => {
    const run = new IndicatorRun(pref);
    const tobi = scopeOf(pref, "office:tobi");
    assert.equal(run.raw("A10", tobi, 2016).value, 2, "the figure behind it");
    const v = run.value("A10", tobi, 2016);
    assert.equal(v.suppressed, true);
    assert.equal(v.value, null);
    assert.equal(v.records, undefined);
    assert.equal(v.numerator, undefined);
    assert.ok((v.breakdown ?? []).length > 0);
    assert.ok((v.breakdown ?? []).every((b) => b.value === null && b.suppressed === true));
    assert.equal(run.suppresses(tobi), true);
  });

  test("an office above the limit is shown, with the small parts of its breakdown hidden", () => {
    const run = new IndicatorRun(pref);
    const v = run.value("A10", scopeOf(pref, "office:bizen"), 2016);
    assert.equal(v.suppressed, undefined);
    assert.equal(v.value, 6);
    assert.ok(v.records);
    // continuing 1 is small; new 5 beside the total 6 would give it away.
    assert.deepEqual(
      (v.breakdown ?? []).map((b) => [b.key, b.value, b.suppressed ?? false]),
      [
        ["new", null, true],
        ["continuing", null, true],
      ],
    );
  });

  test("an office that is not small is hidden when it is the complement of a small sibling", () => {
    const run = new IndicatorRun(pref);
    // C2: 備前 3 (small), 美作 7 (the smallest other non-zero office), 真庭 9.
    const bizen = run.value("C2", scopeOf(pref, "office:bizen"), 2016);
    const mimasaka = run.value("C2", scopeOf(pref, "office:mimasaka"), 2016);
    const maniwa = run.value("C2", scopeOf(pref, "office:maniwa"), 2016);
    assert.deepEqual([bizen.suppressed, bizen.value], [true, null]);
    assert.deepEqual([mimasaka.suppressed, mimasaka.value], [true, null]);
    assert.equal(run.raw("C2", scopeOf(pref, "office:mimasaka"), 2016).value, 7);
    assert.deepEqual([maniwa.suppressed, maniwa.value], [undefined, 9]);
  });

  test("a rate whose parts could name fewer than five is hidden whole", () => {
    const run = new IndicatorRun(pref);
    // 美作: 7 discharged of 9, so the 2 not discharged are few.
    assert.deepEqual([run.raw("C4", scopeOf(pref, "office:mimasaka"), 2016).numerator, run.raw("C4", scopeOf(pref, "office:mimasaka"), 2016).denominator], [7, 9]);
    const c4 = run.value("C4", scopeOf(pref, "office:mimasaka"), 2016);
    assert.deepEqual([c4.suppressed, c4.value, c4.numerator, c4.denominator], [true, null, undefined, undefined]);
    const maniwa = run.value("C4", scopeOf(pref, "office:maniwa"), 2016);
    assert.deepEqual([maniwa.suppressed, maniwa.value], [undefined, 100]);
  });

  test("the prefecture's own figures are shown as they are, small or not", () => {
    const run = new IndicatorRun(pref);
    const prefecture = scopeOf(pref, "prefecture");
    assert.equal(run.suppresses(prefecture), false);
    const c3 = run.value("C3", prefecture, 2016);
    assert.deepEqual([c3.value, c3.suppressed], [3, undefined]);
    assert.ok(c3.records);
    const a10 = run.value("A10", prefecture, 2016);
    assert.equal(a10.value, 6);
    assert.deepEqual(
      (a10.breakdown ?? []).map((b) => [b.key, b.value]),
      [
        ["new", 5],
        ["continuing", 1],
      ],
    );
  });

  test("counts that are not persons are never suppressed", () => {
    const v = new IndicatorRun(pref).value("A9", scopeOf(pref, "office:tobi"), 2016);
    assert.deepEqual([v.value, v.suppressed], [1, undefined]);
  });

  test("office staff see their own offices' small figures unsuppressed, with their records", () => {
    const run = new IndicatorRun(sup);
    const tobi = scopeOf(sup, "office:tobi");
    assert.equal(run.suppresses(tobi), false);
    const a10 = run.value("A10", tobi, 2016);
    assert.deepEqual([a10.value, a10.suppressed], [2, undefined]);
    assert.equal(a10.records?.().flatMap((g) => g.ids).length, 2);
    const c2 = run.value("C2", scopeOf(sup, "office:bizen"), 2016);
    assert.deepEqual([c2.value, c2.suppressed], [3, undefined]);
  });
});

describe("getIndicatorDetailForActor: the by-office table (A8.trained, FY2020)", () => {
  const code = "A8.trained";
  const fiscalYear = 2020;

  test("the small office and one complement are hidden; the rest and the prefecture total are shown", () => {
    const d = getIndicatorDetailForActor(pref, code, { fiscalYear, scope: "prefecture" });
    assert.equal(d.figure.value, 17);
    assert.equal(d.figure.suppressed, undefined);
    const bizen = row(d.byOffice, "office:bizen");
    assert.deepEqual([bizen.value, bizen.suppressed], [null, true]);
    const mimasaka = row(d.byOffice, "office:mimasaka");
    assert.deepEqual([mimasaka.value, mimasaka.suppressed], [null, true]);
    // 備前圏域 is hidden as the complement of 津山・勝英 in the regions table, so two of its offices
    // are hidden (suppressedHierarchy): 備前 (small) and 岡山市 with it.
    assert.deepEqual(d.byOffice.filter((r) => r.suppressed).map((r) => r.scope.param).sort(), ["office:bizen", "office:mimasaka", "office:okayama-city"]);
    assert.equal(row(d.byOffice, "office:maniwa").value, 8);
    // What the total leaves once the shown rows are taken off is split over two hidden rows.
    const shown = d.byOffice.reduce((s, r) => s + (r.value ?? 0), 0);
    assert.equal(d.figure.value! - shown, 9);
    // The same for the regions: 備前圏域 3 and its complement 津山・勝英圏域 6.
    assert.deepEqual(d.byRegion.filter((r) => r.suppressed).map((r) => r.scope.param).sort(), ["region:bizen", "region:tsuyama-shoei"]);
  });

  test("the records at the prefecture level leave out the hidden offices (with their 支所)", () => {
    const d = getIndicatorDetailForActor(pref, code, { fiscalYear, scope: "prefecture" });
    assert.deepEqual([...d.hiddenOffices].sort(), ["33-bizen", "33-mimasaka", "33-okayama-city"]);
    assert.ok(d.records);
    const listed = describeRecordsForActor(pref, d.records, d.hiddenOffices);
    const hidden = new Set(officeIdsUnder(d.hiddenOffices));
    assert.ok(hidden.has("33-tobi") && hidden.has("33-shoei"));
    assert.equal(listed.rows.length, 8);
    assert.ok(listed.rows.every((r) => !hidden.has(r.officeId ?? "")));
    assert.equal(listed.notListed, 9);
    // Pseudonymous rows without links to the peer records.
    assert.ok(listed.rows.every((r) => r.href === null));
  });

  test("the hidden office's own page: suppressed, no records; its 支所 alone too", () => {
    const d = getIndicatorDetailForActor(pref, code, { fiscalYear, scope: "office:bizen" });
    assert.deepEqual([d.figure.value, d.figure.suppressed, d.records], [null, true, null]);
    assert.deepEqual(d.byOffice, []);
    const branch = getIndicatorDetailForActor(pref, code, { fiscalYear, scope: "office:tobi" });
    assert.deepEqual([branch.figure.value, branch.figure.suppressed, branch.records], [null, true, null]);
    const complement = getIndicatorDetailForActor(pref, code, { fiscalYear, scope: "office:mimasaka" });
    assert.deepEqual([complement.figure.value, complement.figure.suppressed], [null, true]);
    // A hidden year is a gap in the trend, not a number.
    assert.equal(d.trend.find((t) => t.fiscalYear === fiscalYear)?.value, null);
  });

  test("the dashboard of the hidden office: its figure is 「5未満」 and counts as not computable against a target", () => {
    const board = getIndicatorBoardForActor(pref, { fiscalYear, scope: "office:bizen" });
    assert.equal(board.suppressed, true);
    const figure = board.groups.flatMap((g) => g.figures).find((f) => f.code === code);
    assert.ok(figure);
    assert.deepEqual([figure.value, figure.suppressed], [null, true]);
    assert.ok(["no_target", "not_computable"].includes(figure.achievement.status));
    // The same office's dashboard for its supervisor shows the figure.
    const own = getIndicatorBoardForActor(sup, { fiscalYear, scope: "office:bizen" });
    assert.equal(own.suppressed, false);
    assert.equal(own.groups.flatMap((g) => g.figures).find((f) => f.code === code)?.value, 3);
  });

  test("the office's supervisor sees the same figure unsuppressed, with its records", () => {
    const d = getIndicatorDetailForActor(sup, code, { fiscalYear, scope: "office:bizen" });
    assert.deepEqual([d.figure.value, d.figure.suppressed], [3, undefined]);
    assert.equal(d.records?.flatMap((g) => g.ids).length, 3);
    const listed = describeRecordsForActor(sup, d.records!);
    assert.equal(listed.rows.length, 3);
    assert.equal(listed.notListed, 0);
    assert.ok(listed.rows.every((r) => r.href?.startsWith("/peers/")));
    assert.equal(getIndicatorDetailForActor(sup, code, { fiscalYear, scope: "office:tobi" }).figure.value, 1);
  });
});

/**
 * Which hidden cells of a prefecture's detail can be worked out from the shown ones: the total is
 * the sum of the regions and of the offices, a region the sum of its offices. Any relation with a
 * single unknown gives that unknown away; repeat until nothing changes.
 */
function revealedCells(total: number, byRegion: AreaRow[], byOffice: AreaRow[], regionOfOffice: (param: string) => string | null): string[] {
  const known = new Map<string, number>();
  for (const r of [...byRegion, ...byOffice]) if (!r.suppressed && r.value !== null) known.set(r.scope.param, r.value);
  known.set("total", total);
  const relations: { sum: string; parts: string[] }[] = [
    { sum: "total", parts: byRegion.map((r) => r.scope.param) },
    { sum: "total", parts: byOffice.map((r) => r.scope.param) },
    ...byRegion.map((r) => ({ sum: r.scope.param, parts: byOffice.filter((o) => regionOfOffice(o.scope.param) === r.scope.param).map((o) => o.scope.param) })),
  ];
  for (let changed = true; changed; ) {
    changed = false;
    for (const { sum, parts } of relations) {
      const unknown = [sum, ...parts].filter((k) => !known.has(k));
      if (unknown.length !== 1) continue;
      const k = unknown[0]!;
      const partsSum = parts.reduce((s, p) => s + (known.get(p) ?? 0), 0);
      known.set(k, k === sum ? partsSum : known.get(sum)! - partsSum);
      changed = true;
    }
  }
  return [...byRegion, ...byOffice].filter((r) => r.suppressed && known.has(r.scope.param)).map((r) => `${r.scope.param}=${known.get(r.scope.param)}`);
}

describe("complementary suppression across the tables shown together", () => {
  test("the audit itself: it finds a hidden cell left alone in a relation, and none when two share it", () => {
    const area = (param: string, value: number | null, suppressed: boolean) => ({ scope: { param } as IndicatorScope, value, suppressed });
    const regionOf = (p: string) => (p === "office:a" || p === "office:b" ? "region:r" : "region:s");
    const safe = revealedCells(10, [area("region:r", 10, false), area("region:s", 0, false)], [area("office:a", null, true), area("office:b", null, true), area("office:c", 0, false)], regionOf);
    assert.deepEqual(safe, []);
    const leak = revealedCells(10, [area("region:r", 10, false), area("region:s", 0, false)], [area("office:a", null, true), area("office:b", 7, false), area("office:c", 0, false)], regionOf);
    assert.deepEqual(leak, ["office:a=3"]);
  });

  test(
    "no hidden cell of the prefecture's by-region and by-office tables can be worked out from the shown cells and the total (C2, FY2019)",
    () => {
      const d = getIndicatorDetailForActor(pref, "C2", { fiscalYear: 2019, scope: "prefecture" });
      const run = new IndicatorRun(pref);
      // The figure is additive here (each person discharged at one office), so the relations hold.
      const offices = d.byOffice.map((r) => run.raw("C2", r.scope, 2019).value ?? 0);
      assert.equal(offices.reduce((s, v) => s + v, 0), d.figure.value);
      assert.equal(d.figure.value, 35);
      const scopes = indicatorScopesForActor(pref);
      const regionOf = (param: string) => {
        const s = scopes.find((x) => x.param === param);
        const r = scopes.find((x) => x.level === "region" && x.regionId === s?.regionId);
        return r?.param ?? null;
      };
      // 倉敷市 (2) is hidden, 備中 (8) and 倉敷・井笠圏域 (10) are shown; 備前圏域 (4) is hidden
      // with 高梁・新見圏域 (5) as its complement, which 備北 (5) shows.
      assert.deepEqual(revealedCells(d.figure.value!, d.byRegion, d.byOffice, regionOf), []);
    },
  );

  test(
    "a region's records do not list the offices its by-office table hides (C3, FY2019, 倉敷・井笠圏域)",
    () => {
      const d = getIndicatorDetailForActor(pref, "C3", { fiscalYear: 2019, scope: "region:kurashiki-ikasa" });
      assert.equal(d.figure.value, 5, "the region's own figure is shown");
      const hiddenRows = d.byOffice.filter((r) => r.suppressed).map((r) => r.scope.param);
      assert.deepEqual(hiddenRows.sort(), ["office:bitchu", "office:kurashiki-city"]);
      const hidden = new Set(officeIdsUnder(hiddenRows.map((p) => `33-${p.slice("office:".length)}`)));
      const listed = describeRecordsForActor(pref, d.records ?? [], d.hiddenOffices);
      const revealing = listed.rows.filter((r) => hidden.has(r.officeId ?? ""));
      assert.deepEqual(
        revealing.map((r) => r.officeName),
        [],
        "the rows would show 備中保健所 3 and 倉敷市保健所 2, the counts the table hides",
      );
    },
  );
});
