import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { cases, peerIdentities, personIdentities } from "@/db/schema";
import type { Actor } from "@/lib/dal/actor";
import { isAppError } from "@/lib/dal/errors";
import { getIndicatorBoardForActor, getIndicatorDetailForActor, IndicatorRun } from "@/lib/dal/indicators/index";
import { describeRecordsForActor, type RecordRow } from "@/lib/dal/indicators/records";
import { indicatorScopesForActor, resolveIndicatorScope } from "@/lib/dal/indicators/scope";
import { INDICATORS } from "@/lib/domain/indicators/definitions";
import { actorFor, seededDb } from "../helpers/test-db";

/*
 * Who may see which scope of the indicators, and what the records behind a figure show: another
 * prefecture's regions and offices, offices a coordinator does not reach and any scope for an
 * admin are not found; a coordinator's drill-down holds only the offices they reach; and the
 * rows never carry a name.
 */

let a: Record<string, Actor> = {};

before(async () => {
  await seededDb();
  a = Object.fromEntries(["okayama.pref", "yamaguchi.pref", "okayama.admin", "bizen.sup", "bizen.coord", "tobi.coord"].map((u) => [u, actorFor(u)]));
});

function notFound(fn: () => unknown, what: string) {
  try {
    fn();
  } catch (e) {
    assert.ok(isAppError(e), `${what}: ${String(e)}`);
    assert.equal(e.code, "not_found", what);
    return;
  }
  assert.fail(`${what}: expected not_found`);
}

const caseOffice = (ids: string[]) => new Map(getDb().select({ id: cases.id, officeId: cases.officeId }).from(cases).where(inArray(cases.id, ids)).all().map((r) => [r.id, r.officeId]));
const caseIdsOf = (groups: { kind: string; ids: string[] }[] | null) => (groups ?? []).filter((g) => g.kind === "case").flatMap((g) => g.ids);

describe("resolveIndicatorScope", () => {
  test("prefecture staff choose among their own prefecture, its regions and its offices", () => {
    const scopes = indicatorScopesForActor(a["okayama.pref"]!).map((s) => s.param);
    assert.equal(scopes[0], "prefecture");
    assert.equal(scopes.filter((s) => s.startsWith("region:")).length, 5);
    assert.equal(scopes.filter((s) => s.startsWith("office:")).length, 11);
    assert.equal(resolveIndicatorScope(a["okayama.pref"]!, "region:bizen").ref.level, "region");
    assert.equal(resolveIndicatorScope(a["okayama.pref"]!, "office:tobi").ref.level, "office");
  });

  test("another prefecture's region or office is not found", () => {
    for (const param of ["region:iwakuni", "office:ube", "office:hofu", "region:35-iwakuni", "office:35-ube"]) notFound(() => resolveIndicatorScope(a["okayama.pref"]!, param), `okayama.pref ${param}`);
    for (const param of ["region:bizen", "office:bizen", "office:tobi"]) notFound(() => resolveIndicatorScope(a["yamaguchi.pref"]!, param), `yamaguchi.pref ${param}`);
    notFound(() => getIndicatorDetailForActor(a["okayama.pref"]!, "C1", { fiscalYear: 2021, scope: "office:ube" }), "detail of another prefecture's office");
    notFound(() => resolveIndicatorScope(a["okayama.pref"]!, "office:nowhere"), "an unknown office");
  });

  test("an office a coordinator does not reach, the prefecture and a region are not found for office staff", () => {
    assert.deepEqual(
      indicatorScopesForActor(a["bizen.coord"]!).map((s) => s.param),
      ["office:bizen"],
    );
    assert.deepEqual(
      indicatorScopesForActor(a["bizen.sup"]!).map((s) => s.param),
      ["office:bizen", "office:tobi"],
    );
    for (const param of ["office:tobi", "office:okayama-city", "prefecture", "region:bizen"]) notFound(() => resolveIndicatorScope(a["bizen.coord"]!, param), `bizen.coord ${param}`);
    for (const param of ["office:bizen", "prefecture"]) notFound(() => resolveIndicatorScope(a["tobi.coord"]!, param), `tobi.coord ${param}`);
    notFound(() => resolveIndicatorScope(a["bizen.sup"]!, "office:okayama-city"), "bizen.sup office:okayama-city");
    notFound(() => getIndicatorDetailForActor(a["bizen.coord"]!, "C1", { fiscalYear: 2021, scope: "office:tobi" }), "bizen.coord detail office:tobi");
  });

  test("an admin sees no scope at all", () => {
    const admin = a["okayama.admin"]!;
    for (const param of [null, "prefecture", "region:bizen", "office:bizen"]) notFound(() => resolveIndicatorScope(admin, param), `admin ${param}`);
    notFound(() => indicatorScopesForActor(admin), "admin scopes");
    notFound(() => getIndicatorBoardForActor(admin, { fiscalYear: 2021 }), "admin board");
    notFound(() => getIndicatorDetailForActor(admin, "C1", { fiscalYear: 2021 }), "admin detail");
  });

  test("years outside the app's records and unknown indicators are not found", () => {
    notFound(() => getIndicatorDetailForActor(a["okayama.pref"]!, "C1", { fiscalYear: 2018 }), "FY2018");
    notFound(() => getIndicatorDetailForActor(a["okayama.pref"]!, "C1", { fiscalYear: 2100 }), "FY2100");
    notFound(() => getIndicatorDetailForActor(a["okayama.pref"]!, "NOPE", { fiscalYear: 2021 }), "unknown code");
    // An external statistic exists for the prefecture only.
    notFound(() => getIndicatorDetailForActor(a["okayama.pref"]!, "S6", { fiscalYear: 2021, scope: "office:bizen" }), "S6 at an office");
  });
});

describe("a coordinator's drill-down holds only the offices they reach", () => {
  const fiscalYear = 2021;

  test("備前 coordinator: office:bizen counts and lists 備前's cases, not 東備支所's", () => {
    // The supervisor's office:bizen includes 東備支所 (the demo has cases there).
    const supDetail = getIndicatorDetailForActor(a["bizen.sup"]!, "C1", { fiscalYear, scope: "office:bizen" });
    const supIds = caseIdsOf(supDetail.records);
    const offices = caseOffice(supIds);
    const tobiIds = supIds.filter((id) => offices.get(id) === "33-tobi");
    const bizenIds = supIds.filter((id) => offices.get(id) === "33-bizen");
    assert.ok(tobiIds.length > 0, "the demo has 東備支所 cases in FY2021");
    assert.equal(tobiIds.length + bizenIds.length, supIds.length);

    const coord = getIndicatorDetailForActor(a["bizen.coord"]!, "C1", { fiscalYear, scope: "office:bizen" });
    const coordIds = caseIdsOf(coord.records);
    assert.deepEqual([...coordIds].sort(), [...bizenIds].sort(), "the coordinator's records are 備前's cases exactly");
    assert.ok(coord.figure.value! < supDetail.figure.value!, "the coordinator's count leaves 東備支所 out");
    const listed = describeRecordsForActor(a["bizen.coord"]!, coord.records!);
    assert.equal(listed.notListed, 0);
    assert.ok(listed.rows.every((r) => r.officeId === "33-bizen"));
    assert.ok(listed.rows.every((r) => r.href === `/cases/${r.id}`), "office staff get links to the cases they reach");
  });

  test("describeRecordsForActor leaves out, and counts, the rows of offices the actor does not reach", () => {
    const supDetail = getIndicatorDetailForActor(a["bizen.sup"]!, "C1", { fiscalYear, scope: "office:bizen" });
    const supIds = caseIdsOf(supDetail.records);
    const offices = caseOffice(supIds);
    const tobiCount = supIds.filter((id) => offices.get(id) === "33-tobi").length;

    const forCoord = describeRecordsForActor(a["bizen.coord"]!, supDetail.records!);
    assert.equal(forCoord.notListed, tobiCount);
    assert.equal(forCoord.rows.length, supIds.length - tobiCount);
    assert.ok(forCoord.rows.every((r) => r.officeId === "33-bizen"));

    const forTobi = describeRecordsForActor(a["tobi.coord"]!, supDetail.records!);
    assert.equal(forTobi.notListed, supIds.length - tobiCount);
    assert.ok(forTobi.rows.every((r) => r.officeId === "33-tobi"));

    const forSup = describeRecordsForActor(a["bizen.sup"]!, supDetail.records!);
    assert.deepEqual([forSup.rows.length, forSup.notListed], [supIds.length, 0]);
  });

  test("the peers and outreach a coordinator counts are their offices' too", () => {
    const run = new IndicatorRun(a["bizen.coord"]!);
    const scope = resolveIndicatorScope(a["bizen.coord"]!, "office:bizen");
    let listedRows = 0;
    for (const code of ["A8", "A9", "A10", "C2"]) {
      const groups = run.value(code, scope, fiscalYear).records?.() ?? [];
      const listed = describeRecordsForActor(a["bizen.coord"]!, groups);
      assert.equal(listed.notListed, 0, code);
      assert.ok(listed.rows.every((r) => r.officeId === "33-bizen"), code);
      listedRows += listed.rows.length;
    }
    assert.ok(listedRows > 0);
  });
});

describe("the rows behind a figure never carry a name", () => {
  test("no label or fact of any drill-down row is a demo person's or peer's family or given name", () => {
    const db = getDb();
    const people = [
      ...db.select({ family: personIdentities.familyName, given: personIdentities.givenName }).from(personIdentities).all(),
      ...db.select({ family: peerIdentities.familyName, given: peerIdentities.givenName }).from(peerIdentities).all(),
    ];
    assert.ok(people.length > 100, "the demo has identities to compare with");
    const names = new Set(people.flatMap((p) => [p.family, p.given]));
    const fullNames = people.flatMap((p) => [`${p.family}${p.given}`, `${p.family} ${p.given}`, `${p.family}　${p.given}`]);

    let rows = 0;
    const kinds = new Set<string>();
    const check = (actor: Actor, row: RecordRow, where: string) => {
      rows += 1;
      kinds.add(row.kind);
      const texts = [row.label, ...row.facts.flatMap((f) => [f.ja, f.en])];
      for (const t of texts) {
        assert.ok(!names.has(t), `${where}: "${t}" is a name`);
        assert.ok(!fullNames.some((n) => t.includes(n)), `${where}: "${t}" contains a full name`);
      }
      // Prefecture staff get no link to a person's record.
      if (actor.role === "prefecture" && ["case", "outreach_case", "outreach_contact", "peer", "dispatch"].includes(row.kind)) assert.equal(row.href, null, where);
    };
    for (const u of ["okayama.pref", "yamaguchi.pref", "bizen.sup", "bizen.coord", "tobi.coord"]) {
      const actor = a[u]!;
      for (const scope of indicatorScopesForActor(actor).filter((s) => s.level === "prefecture" || s.level === "office")) {
        if (actor.role === "prefecture" && scope.level !== "prefecture") continue;
        const run = new IndicatorRun(actor);
        for (const fiscalYear of [2021, 2022]) {
          for (const d of INDICATORS.filter((x) => x.records && x.scopes.includes(scope.level))) {
            const groups = run.value(d.code, scope, fiscalYear).records?.() ?? [];
            for (const row of describeRecordsForActor(actor, groups).rows) check(actor, row, `${u} ${scope.param} FY${fiscalYear} ${d.code}`);
          }
        }
      }
    }
    assert.ok(rows > 1000, `only ${rows} rows checked`);
    for (const kind of ["case", "peer", "dispatch", "outreach_case", "outreach_contact", "meeting", "training", "event"]) assert.ok(kinds.has(kind), `no ${kind} row was checked`);
  });
});
