import { test } from "node:test";
import assert from "node:assert/strict";
import { AUDIT_ENTITY_TYPES } from "@/lib/domain/codes";
import { INDICATORS, isIndicatorCode } from "@/lib/domain/indicators/definitions";
import { FIGURES_BY_RECORD_TYPE, figuresRestatedBy, RECORD_TYPES_OF_KIND, restatementCountsByCode } from "@/lib/domain/indicators/restated-figures";
import { fiscalYearsOf, standingYearDates } from "@/lib/domain/year-close";

/*
 * Which figures a restatement marks on the 自治体情報シート (ADR 0025): every indicator the
 * registry ties to records is under its record type, and nothing names a code that is not defined.
 */

test("every indicator counting records is marked by a restatement of its record type", () => {
  const missing: string[] = [];
  for (const def of INDICATORS) {
    const types = def.records ? RECORD_TYPES_OF_KIND[def.records] : undefined;
    if (!types) continue;
    if (!types.some((type) => figuresRestatedBy(type).includes(def.code))) missing.push(`${def.code} (${def.records})`);
  }
  assert.deepEqual(missing, []);
});

test("the map names defined indicator codes and audit entity types only", () => {
  for (const [type, codes] of Object.entries(FIGURES_BY_RECORD_TYPE)) {
    assert.ok((AUDIT_ENTITY_TYPES as readonly string[]).includes(type), type);
    for (const code of codes ?? []) assert.ok(isIndicatorCode(code), `${type}: ${code}`);
    assert.equal(new Set(codes).size, codes?.length, `${type} lists a code twice`);
  }
});

test("sources beyond the drill-down kind are there: S2 by peers and dispatches, A11.meetings by meetings", () => {
  assert.ok(figuresRestatedBy("peer").includes("S2") && figuresRestatedBy("peer_dispatch").includes("S2"));
  assert.ok(figuresRestatedBy("meeting").includes("A11.meetings"));
  assert.deepEqual(figuresRestatedBy("user"), []);
  const counts = restatementCountsByCode([{ entityType: "meeting" }, { entityType: "meeting" }, { entityType: "training_event" }]);
  assert.deepEqual([counts.get("A1"), counts.get("S3"), counts.get("C1")], [2, 1, undefined]);
});

test("fiscal years of dates: April to March, empty ones left out, each once", () => {
  assert.deepEqual(fiscalYearsOf(["2020-03-31", null, "2019-04-01", undefined, "", "2020-04-01T09:00:00.000Z"]), [2019, 2020]);
});

test("a standing body's years run from its establishment (or since) to its end (or today)", () => {
  assert.deepEqual(standingYearDates("2018-06-01", "2020-05-31", "2026-12-06"), ["2018-04-01", "2019-04-01", "2020-04-01"]);
  assert.equal(standingYearDates(null, null, "2026-12-06", 2015).length, 2026 - 2015 + 1);
  assert.deepEqual(standingYearDates("2027-01-10", null, "2027-01-10"), ["2026-04-01"]);
});
