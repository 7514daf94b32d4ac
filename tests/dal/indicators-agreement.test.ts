import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/dal/actor";
import { getEventSummaryForActor, getKyogiCoverageForActor, getMeetingSummaryForActor, getTrainingSummaryForActor } from "@/lib/dal/activity-summaries";
import { IndicatorRun } from "@/lib/dal/indicators/index";
import { resolveIndicatorScope, type IndicatorScope } from "@/lib/dal/indicators/scope";
import { getOutreachYearSummaryForActor } from "@/lib/dal/outreach-summary";
import { getDispatchYearSummaryForActor } from "@/lib/dal/peer-dispatch-summary";
import { getPeerYearSummaryForActor } from "@/lib/dal/peer-summary";
import { indicatorDefinition } from "@/lib/domain/indicators/definitions";
import { fiscalYearRange } from "@/lib/domain/fiscal-year";
import { actorFor, seededDb } from "../helpers/test-db";

/*
 * The indicator engine against the list pages, on the demo data: at an actor's default scope
 * (the prefecture for prefecture staff, the first office otherwise) the engine's figures are the
 * numbers the actor's list pages show (the summaries of lib/dal/activity-summaries.ts, peers.ts,
 * peer-dispatches.ts, outreach-summary.ts), every count of single records lists exactly as many
 * records as it counts, and the seeds' published figures come out.
 */

const USERS = ["okayama.pref", "yamaguchi.pref", "bizen.sup", "bizen.coord", "tobi.coord"] as const;
const YEARS = [2021, 2022] as const;
const DEFAULT_SCOPE: Record<(typeof USERS)[number], string> = {
  "okayama.pref": "prefecture",
  "yamaguchi.pref": "prefecture",
  "bizen.sup": "office:bizen",
  "bizen.coord": "office:bizen",
  "tobi.coord": "office:tobi",
};

let actors: Record<string, Actor> = {};

before(async () => {
  await seededDb();
  actors = Object.fromEntries(USERS.map((u) => [u, actorFor(u)]));
});

type Pair = [code: string, engine: number | null | undefined, listPage: number];

function figures(actor: Actor, fiscalYear: number) {
  const scope = resolveIndicatorScope(actor, null);
  const run = new IndicatorRun(actor);
  const v = (code: string) => run.value(code, scope, fiscalYear);
  const part = (code: string, key: string) => v(code).breakdown?.find((b) => b.key === key)?.value;
  return { scope, run, v, part };
}

/** The figures that come from office-owned records only: peers, dispatches, outreach. */
function officeRecordPairs(actor: Actor, fiscalYear: number): Pair[] {
  const { v, part } = figures(actor, fiscalYear);
  const p = getPeerYearSummaryForActor(actor, fiscalYear);
  const d = getDispatchYearSummaryForActor(actor, fiscalYear);
  const o = getOutreachYearSummaryForActor(actor, fiscalYear).total;
  return [
    ["A8", v("A8").value, p.registered],
    ["A8.new", v("A8.new").value, p.newlyRegistered],
    ["A8.trained", v("A8.trained").value, p.trainedYousei],
    ["S2", v("S2").numerator, p.officesWithPeers],
    ["S2 offices", v("S2").denominator, p.offices],
    ["S2 registered", part("S2", "registered"), p.registered],
    ["S2 dispatches", part("S2", "dispatches"), d.done],
    ["A9", v("A9").value, d.done],
    ["A9.person_dispatches", v("A9.person_dispatches").value, d.personDispatches],
    ["A9.hours", v("A9.hours").value, d.hours],
    ["A9.audience", v("A9.audience").value, d.audience],
    ["A9.hospitals", v("A9.hospitals").value, d.hospitals],
    ["A10", v("A10").value, o.persons],
    ["A10 new", part("A10", "new"), o.newPersons],
    ["A10 continuing", part("A10", "continuing"), o.continuingPersons],
    ["A11", v("A11").value, o.visits],
    ["A11 met", part("A11", "met"), o.visitsMet],
    ["A11.meetings case conferences", part("A11.meetings", "case_conference"), o.conferences],
  ];
}

/** The figures counted from meetings, trainings, events and 協議の場 (rows an office or the prefecture owns). */
function activityPairs(actor: Actor, fiscalYear: number): Pair[] {
  const { scope, v, part } = figures(actor, fiscalYear);
  const m = getMeetingSummaryForActor(actor, { fiscalYear });
  const t = getTrainingSummaryForActor(actor, { fiscalYear });
  const e = getEventSummaryForActor(actor, { fiscalYear });
  const pairs: Pair[] = [
    ["S1", v("S1").value, m.byKind.chiiki_ikou_suishin],
    ["A1 prefecture", part("A1", "prefecture"), m.kyogi.byLevel.prefecture],
    ["A1 region", part("A1", "region"), m.kyogi.byLevel.region],
    ["A2", v("A2").value, m.kyogi.attendanceTotal],
    ["A3", v("A3").value, m.kyogi.withTargetsReviewed],
    ["A4", v("A4").value, m.byKind.region_liaison],
    ["A5", v("A5").value, m.caseReview.meetings],
    ["A5.cases", v("A5.cases").value, m.caseReview.cases],
    ["S3", v("S3").value, t.byKind.jinzai_ikusei],
    ["S3 prefecture-wide", part("S3", "prefecture"), t.byKindAndScope.jinzai_ikusei.prefecture],
    ["S3 office areas", part("S3", "office"), t.byKindAndScope.jinzai_ikusei.office],
    ["A6", v("A6").value, t.total],
    ["A6.participants", v("A6.participants").value, t.attendanceTotal],
    ["A14", v("A14").value, e.byKind.awareness.events],
    ["A14.participants", v("A14.participants").value, e.byKind.awareness.participants],
    ["A15", v("A15").value, e.byKind.family_support.events],
    ["A15.families", v("A15.families").value, e.byKind.family_support.families],
    ["A11.meetings meetings", part("A11.meetings", "meetings"), m.outreachMeetings],
  ];
  if (scope.level === "prefecture") {
    const k = getKyogiCoverageForActor(actor, { fiscalYear });
    pairs.push(
      ["B.jiritsu_council", v("B.jiritsu_council").value, m.byKind.jiritsu_council],
      ["S4", v("S4").numerator, k.municipalities.covered],
      ["S4 of", v("S4").denominator, k.municipalities.total],
      ["S5", v("S5").numerator, k.regions.covered],
      ["S5 of", v("S5").denominator, k.regions.total],
      ["B.kyogi.prefecture", v("B.kyogi.prefecture").value, k.prefectureBodies],
    );
  }
  return pairs;
}

const mismatches = (pairs: Pair[]) => pairs.filter(([, engine, list]) => engine !== list).map(([code, engine, list]) => `${code}: engine ${engine}, list page ${list}`);

describe("the default scope of each actor", () => {
  test("prefecture staff: the prefecture; office staff: their first office (with its 支所 for a supervisor)", () => {
    for (const u of USERS) assert.equal(resolveIndicatorScope(actors[u]!, null).param, DEFAULT_SCOPE[u], u);
    assert.equal(resolveIndicatorScope(actors["bizen.sup"]!, null).includesBranches, true);
    assert.equal(resolveIndicatorScope(actors["bizen.coord"]!, null).includesBranches, false);
  });
});

describe("engine = list pages", () => {
  for (const fiscalYear of YEARS) {
    for (const u of USERS) {
      test(`${u}, FY${fiscalYear}: peers, dispatches and outreach`, () => {
        const pairs = officeRecordPairs(actors[u]!, fiscalYear);
        assert.deepEqual(mismatches(pairs), []);
        // Not vacuous: the demo has records for every one of these actors in these years.
        assert.ok(pairs.some(([, , list]) => list > 0), `${u} FY${fiscalYear}: every figure is 0`);
      });
    }
    for (const u of ["okayama.pref", "yamaguchi.pref"] as const) {
      test(`${u}, FY${fiscalYear}: meetings, trainings, events and 協議の場`, () => {
        const pairs = activityPairs(actors[u]!, fiscalYear);
        assert.deepEqual(mismatches(pairs), []);
        assert.ok(pairs.filter(([, , list]) => list > 0).length > 10);
      });
    }
    // An office's indicators count the office's own work; its list pages also show the rows the
    // prefecture holds (they may read them), so the two differ by exactly those rows (ADR 0022).
    for (const u of ["bizen.sup", "bizen.coord", "tobi.coord"] as const) {
      test(`${u}, FY${fiscalYear}: meetings, trainings, events differ from the list pages by the prefecture's own rows exactly`, () => {
        const actor = actors[u]!;
        const { v } = figures(actor, fiscalYear);
        const m = getMeetingSummaryForActor(actor, { fiscalYear });
        const t = getTrainingSummaryForActor(actor, { fiscalYear });
        const e = getEventSummaryForActor(actor, { fiscalYear });
        const { start, end } = fiscalYearRange(fiscalYear);
        const own = (table: string, extra: string) =>
          (getDb().get(sql.raw(`SELECT count(*) AS n FROM ${table} WHERE prefecture_code = '${actor.prefectureCode}' AND office_id IS NULL AND date BETWEEN '${start}' AND '${end}' AND ${extra}`)) as { n: number }).n;
        const pairs: Pair[] = [
          ["S1", v("S1").value, m.byKind.chiiki_ikou_suishin - own("meetings", "kind = 'chiiki_ikou_suishin'")],
          ["A5", v("A5").value, m.caseReview.meetings - own("meetings", "kind = 'case_review'")],
          ["A3", v("A3").value, m.kyogi.withTargetsReviewed - own("meetings", "kyogi_body_id IS NOT NULL AND targets_reviewed = 1")],
          ["S3", v("S3").value, t.byKind.jinzai_ikusei - own("training_events", "kind = 'jinzai_ikusei'")],
          ["A6", v("A6").value, t.total - own("training_events", "1 = 1")],
          ["A14", v("A14").value, e.byKind.awareness.events - own("community_events", "kind = 'awareness'")],
          ["A15", v("A15").value, e.byKind.family_support.events - own("community_events", "kind = 'family_support'")],
        ];
        assert.deepEqual(mismatches(pairs), []);
        // The difference is real in the demo: the prefecture's 地域移行推進検討会 is its own meeting.
        if (actor.prefectureCode === "33") assert.equal(own("meetings", "kind = 'chiiki_ikou_suishin'"), 1);
      });
    }
  }
});

describe("a count of single records lists as many records as it counts", () => {
  const ONE_RECORD_PER_UNIT = [
    "S1",
    "S2",
    "S3",
    "S4",
    "A3",
    "A4",
    "A5",
    "A6",
    "A8",
    "A8.new",
    "A8.trained",
    "A9",
    "A11",
    "A11.meetings",
    "A14",
    "A15",
    "B.jiritsu_council",
    "B.kyogi.prefecture",
    "B.regions",
    "B.municipalities",
    "B.health_centers",
  ];
  for (const fiscalYear of YEARS) {
    for (const u of USERS) {
      test(`${u}, FY${fiscalYear}`, () => {
        const actor = actors[u]!;
        const scope: IndicatorScope = resolveIndicatorScope(actor, null);
        const run = new IndicatorRun(actor);
        let nonZero = 0;
        for (const code of ONE_RECORD_PER_UNIT) {
          if (!indicatorDefinition(code)!.scopes.includes(scope.level)) continue;
          const v = run.value(code, scope, fiscalYear);
          const counted = indicatorDefinition(code)!.kind === "count" ? v.value : v.numerator;
          const ids = (v.records?.() ?? []).flatMap((g) => g.ids);
          assert.equal(ids.length, counted, `${code}: ${ids.length} records for ${counted}`);
          assert.equal(new Set(ids).size, ids.length, `${code}: a record listed twice`);
          if (ids.length > 0) nonZero += 1;
        }
        assert.ok(nonZero >= 5, `${u} FY${fiscalYear}: only ${nonZero} figures with records`);
      });
    }
  }
});

describe("the seeds' figures (FY2021, FY2022)", () => {
  test("岡山県 FY2021: S1 1, S3 5 (県全域 1 + 保健所・支所圏域 4), S4 23 of 27, S5 5 of 5 「5か所以上」, 協議会 2", () => {
    const { v } = figures(actors["okayama.pref"]!, 2021);
    assert.equal(v("S1").value, 1);
    const s3 = v("S3");
    assert.equal(s3.value, 5);
    assert.deepEqual(
      s3.breakdown?.map((b) => [b.key, b.value]),
      [
        ["prefecture", 1],
        ["region", 0],
        ["office", 4],
      ],
    );
    assert.deepEqual([v("S4").numerator, v("S4").denominator], [23, 27]);
    assert.deepEqual([v("S5").numerator, v("S5").denominator, v("S5").text?.ja], [5, 5, "5か所以上"]);
    assert.equal(v("B.jiritsu_council").value, 2);
  });

  test("山口県: S5 8 of 8 (FY2021), S4 12 of 19 (FY2022), 協議会 1 (FY2021)", () => {
    const fy2021 = figures(actors["yamaguchi.pref"]!, 2021).v;
    assert.deepEqual([fy2021("S5").numerator, fy2021("S5").denominator, fy2021("S5").text], [8, 8, undefined]);
    assert.equal(fy2021("B.jiritsu_council").value, 1);
    const fy2022 = figures(actors["yamaguchi.pref"]!, 2022).v;
    assert.deepEqual([fy2022("S4").numerator, fy2022("S4").denominator], [12, 19]);
  });
});
