import { before, test } from "node:test";
import assert from "node:assert/strict";
import type { Actor } from "@/lib/dal/actor";
import { getIndicatorBoardForActor, getIndicatorDetailForActor, HEADLINE_CODES, IndicatorRun, trendYearsEnding } from "@/lib/dal/indicators/index";
import type { Computed } from "@/lib/dal/indicators/context";
import { forgetKeptFigures } from "@/lib/dal/indicators/figure-cache";
import type { IndicatorScope } from "@/lib/dal/indicators/scope";
import { prefetchTrend } from "@/lib/dal/indicators/trend";
import { indicatorsForScope } from "@/lib/domain/indicators/definitions";
import { currentFiscalYear } from "@/lib/domain/fiscal-year";
import { actorFor, seededDb } from "../helpers/test-db";

/*
 * The dashboard's trend reads each summary family for all its years in one query (trend.ts),
 * apart from the yearly summaries that compute a year's own figures. The class of bug: a trend
 * that disagrees with the year's figure. Here every indicator of a scope, computed from the
 * trend's rows, equals the same indicator computed by its yearly queries (value, parts,
 * breakdown, the records behind it), for every year, scope and kind of actor, on the demo data.
 */

const USERS = ["okayama.pref", "yamaguchi.pref", "bizen.sup", "bizen.coord", "tobi.coord"] as const;
let actors: Record<string, Actor> = {};

before(async () => {
  await seededDb();
  actors = Object.fromEntries(USERS.map((u) => [u, actorFor(u)]));
});

/** The scopes to check for an actor: its default, and for prefecture staff a region and two offices. */
function scopesOf(run: IndicatorRun): IndicatorScope[] {
  const all = run.scopes();
  const region = all.find((s) => s.level === "region");
  const offices = all.filter((s) => s.level === "office");
  return [all[0]!, ...(region ? [region] : []), ...offices.slice(0, 2)].filter((s, i, list) => list.findIndex((x) => x.param === s.param) === i);
}

/**
 * Every figure of `codes` read for `years` at once (prefetchTrend) equals the figure its own year's
 * run computes; returns how many figures were compared.
 */
function assertTrendIsYearly(actor: Actor, scope: IndicatorScope, years: number[], codes: string[], label: string): number {
  // Both sides computed afresh, not handed a figure kept from the other (figure-cache.ts).
  forgetKeptFigures();
  const trend = new IndicatorRun(actor);
  prefetchTrend(
    years.map((fy) => trend.context(scope, fy)),
    codes,
  );
  const fromTrend = years.map((fy) => codes.map((code) => plain(trend.raw(code, scope, fy))));
  forgetKeptFigures();
  let compared = 0;
  years.forEach((fy, y) => {
    const yearly = new IndicatorRun(actor);
    codes.forEach((code, c) => {
      assert.deepEqual(fromTrend[y]![c], plain(yearly.raw(code, scope, fy)), `${label} ${scope.param} FY${fy} ${code}`.trim());
      compared++;
    });
  });
  return compared;
}

function plain(c: Computed) {
  const { records, ...rest } = c;
  return { ...rest, records: records ? records() : null };
}

const ENDING = [2022, currentFiscalYear()];

test("every figure computed from the trend's rows equals the yearly computation, every year, scope and actor", () => {
  let compared = 0;
  for (const user of USERS) {
    const actor = actors[user]!;
    for (const scope of scopesOf(new IndicatorRun(actor))) {
      const codes = indicatorsForScope(scope.level).map((d) => d.code);
      for (const last of ENDING) {
        compared += assertTrendIsYearly(actor, scope, trendYearsEnding(last), codes, user);
      }
    }
  }
  assert.ok(compared > 1000, `compared ${compared} figures`);
});

test("the dashboard's trend is each year's figure as the year's own dashboard shows it", () => {
  for (const user of USERS) {
    const actor = actors[user]!;
    for (const scope of scopesOf(new IndicatorRun(actor))) {
      const board = getIndicatorBoardForActor(actor, { fiscalYear: 2023, scope: scope.param });
      assert.deepEqual(board.trendYears, trendYearsEnding(2023));
      assert.deepEqual(
        board.trends.map((t) => t.code),
        HEADLINE_CODES.filter((c) => indicatorsForScope(scope.level).some((d) => d.code === c)),
      );
      forgetKeptFigures();
      for (const t of board.trends) {
        board.trendYears.forEach((fy, i) => {
          const own = getIndicatorBoardForActor(actor, { fiscalYear: fy, scope: scope.param, trends: false })
            .groups.flatMap((g) => g.figures)
            .find((f) => f.code === t.code)!;
          assert.equal(t.values[i], own.suppressed ? null : own.value, `${user} ${scope.param} ${t.code} FY${fy}`);
        });
      }
    }
  }
});

test("one indicator's seven-year trend is each year's figure", () => {
  const actor = actors["okayama.pref"]!;
  for (const code of ["C1", "C2", "C5.6m", "A9", "A10", "S3", "A1", "A6"]) {
    const detail = getIndicatorDetailForActor(actor, code, { fiscalYear: 2025, scope: "prefecture" });
    forgetKeptFigures();
    for (const point of detail.trend) {
      const own = getIndicatorDetailForActor(actor, code, { fiscalYear: point.fiscalYear, scope: "prefecture" }).figure;
      assert.equal(point.value, own.suppressed ? null : own.value, `${code} FY${point.fiscalYear}`);
    }
  }
});

test("a case transferred within the trend's years counts, year by year, where the yearly figures count it (ADR 0032)", async () => {
  const { eq } = await import("drizzle-orm");
  const { getDb } = await import("@/db/client");
  const { caseTransfers, cases, users } = await import("@/db/schema");
  const { acceptTransfer, requestTransfer } = await import("@/lib/dal/case-transfers");
  const { addCase } = await import("../helpers/indicator-fixtures");
  const userId = (username: string) => getDb().select().from(users).where(eq(users.username, username)).get()!.id;
  const spans = [
    { supportStartDate: "2020-06-01", dischargeDate: "2021-09-01", effective: "2022-01-15" },
    { supportStartDate: "2021-10-01", dischargeDate: undefined, effective: "2023-07-01" },
    { supportStartDate: "2019-05-01", dischargeDate: "2022-02-01", effective: "2021-04-01" },
  ];
  const personIds: string[] = [];
  for (const s of spans) {
    const c = addCase({ officeId: "33-bizen", indexAdmissionDate: "2015-05-01", supportStartDate: s.supportStartDate, dischargeDate: s.dischargeDate });
    personIds.push(c.personId);
    const version = getDb().select().from(cases).where(eq(cases.id, c.id)).get()!.version;
    const id = requestTransfer(actorFor("bizen.sup"), { caseId: c.id, version, toOfficeId: "33-mimasaka", reason: "転居のため" });
    const tv = getDb().select().from(caseTransfers).where(eq(caseTransfers.id, id)).get()!.version;
    acceptTransfer(actorFor("mimasaka.sup"), { transferId: id, version: tv, coordinatorUserId: userId("mimasaka.coord") });
    // Accepted today by the DAL; moved into the trend's years, as a transfer accepted then would be.
    getDb().update(caseTransfers).set({ effectiveDate: s.effective }).where(eq(caseTransfers.id, id)).run();
  }
  // The first person again, in a second case of 備前 (readmitted): counted once as a person.
  addCase({ officeId: "33-bizen", personId: personIds[0], indexAdmissionDate: "2022-04-01", supportStartDate: "2022-06-01", dischargeDate: "2022-11-01" });
  const actor = actorFor("okayama.pref");
  const all = new IndicatorRun(actor).scopes();
  const scopes = all.filter((s) => ["prefecture", "office:bizen", "office:mimasaka"].includes(s.param));
  assert.equal(scopes.length, 3);
  const codes = ["C1", "C2", "C4", "C5.3m", "C6", "C9", "C12"];
  for (const scope of scopes) {
    assertTrendIsYearly(actor, scope, trendYearsEnding(2024), codes, "");
  }
});

test("at the whole prefecture the case figures need no responsibility rule: transfers stay in the prefecture", async () => {
  // Runs after the test above: its transfers (and the demo's) are in the data.
  const { countScopeOf } = await import("@/lib/dal/count-scope");
  const { IndicatorContext } = await import("@/lib/dal/indicators/context");
  const { computeFor } = await import("@/lib/dal/indicators/registry");
  const { todayIso } = await import("@/lib/domain/fiscal-year");
  const { getDb } = await import("@/db/client");
  const transfers = getDb().all<{ n: number }>((await import("drizzle-orm")).sql`SELECT count(*) AS n FROM case_transfers WHERE status = 'accepted'`)[0]!.n;
  assert.ok(transfers >= 3, `accepted transfers in the data: ${transfers}`);
  const codes = indicatorsForScope("prefecture")
    .map((d) => d.code)
    .filter((c) => c.startsWith("C"));
  for (const prefecture of ["33", "35"]) {
    const whole = countScopeOf(prefecture, { level: "prefecture" });
    assert.equal(whole.wholePrefecture, true);
    const ruled = { ...whole, wholePrefecture: false };
    for (const fy of [2016, 2019, 2021, 2022, 2023, 2024]) {
      const a = new IndicatorContext(whole, whole.ref!, fy, todayIso());
      const b = new IndicatorContext(ruled, ruled.ref!, fy, todayIso());
      for (const code of codes) assert.deepEqual(plain(computeFor(code)(a)), plain(computeFor(code)(b)), `${prefecture} FY${fy} ${code}`);
    }
  }
});
