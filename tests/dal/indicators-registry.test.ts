import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { countScopeOf, type ScopeRef } from "@/lib/dal/count-scope";
import { IndicatorContext, type ComputeFn } from "@/lib/dal/indicators/context";
import { COMPUTE, computeFor, registryGaps } from "@/lib/dal/indicators/registry";
import { indicatorDefinition, indicatorsForScope, INDICATORS, isIndicatorCode } from "@/lib/domain/indicators/definitions";
import type { RecordKind } from "@/lib/domain/indicators/types";
import { SCOPE_LEVELS } from "@/lib/domain/statistic-codes";
import { seededDb } from "../helpers/test-db";

/*
 * The indicator registry (lib/domain/indicators/definitions.ts) and the compute functions
 * (lib/dal/indicators/registry.ts) are two lists keyed by the same codes: every definition must
 * have exactly one function and every function a definition, and each definition must be
 * computable at every scope it names.
 */

const KINDS = ["count", "ratio", "mean", "median", "coverage", "external", "qualitative"];
const RECORD_KINDS: readonly RecordKind[] = [
  "meeting",
  "training",
  "event",
  "kyogi_body",
  "municipal_status",
  "peer",
  "dispatch",
  "outreach_case",
  "outreach_contact",
  "case",
  "statistic",
  "month",
  "office",
  "region",
  "municipality",
];

before(async () => {
  await seededDb();
});

describe("indicator registry", () => {
  test("every definition has exactly one compute function and every function a definition", () => {
    assert.deepEqual(registryGaps(), { undefinedCodes: [], uncomputed: [] });
    assert.deepEqual(Object.keys(COMPUTE).sort(), INDICATORS.map((d) => d.code).sort());
    for (const d of INDICATORS) assert.equal(typeof computeFor(d.code), "function", d.code);
    assert.throws(() => computeFor("NO_SUCH_CODE"), /No compute function/);
  });

  test("registryGaps() notices a function without a definition and a definition without a function", () => {
    // The check above can fail: add a stray function and remove a real one, then restore both.
    const table = COMPUTE as Record<string, ComputeFn>;
    const s1 = table.S1!;
    table["Z.stray"] = s1;
    delete table.S1;
    try {
      assert.deepEqual(registryGaps(), { undefinedCodes: ["Z.stray"], uncomputed: ["S1"] });
    } finally {
      delete table["Z.stray"];
      table.S1 = s1;
    }
    assert.deepEqual(registryGaps(), { undefinedCodes: [], uncomputed: [] });
  });

  test("every code is unique and found by its code", () => {
    const codes = INDICATORS.map((d) => d.code);
    assert.equal(new Set(codes).size, codes.length, `duplicates: ${codes.filter((c, i) => codes.indexOf(c) !== i).join(", ")}`);
    for (const c of codes) {
      assert.equal(isIndicatorCode(c), true);
      assert.equal(indicatorDefinition(c)?.code, c);
    }
    assert.equal(isIndicatorCode("S99"), false);
    assert.equal(indicatorDefinition("S99"), null);
  });

  test("every definition names valid, distinct scopes, a known kind and record kind, and both labels", () => {
    for (const d of INDICATORS) {
      assert.ok(d.scopes.length > 0, `${d.code}: no scope`);
      assert.equal(new Set(d.scopes).size, d.scopes.length, `${d.code}: a scope twice`);
      for (const s of d.scopes) assert.ok((SCOPE_LEVELS as readonly string[]).includes(s), `${d.code}: scope ${s}`);
      assert.ok(KINDS.includes(d.kind), `${d.code}: kind ${d.kind}`);
      if (d.records) assert.ok(RECORD_KINDS.includes(d.records), `${d.code}: records ${d.records}`);
      assert.ok(d.name.ja && d.name.en && d.definition.ja && d.definition.en, `${d.code}: a label is empty`);
      // Figures the prefecture enters exist for the prefecture only (brief §8.2).
      if (d.kind === "external") assert.deepEqual([...d.scopes], ["prefecture"], `${d.code}: an external statistic below the prefecture`);
    }
  });

  test("the case outcomes are the programme's own measures, never the NDB rates", () => {
    const own = INDICATORS.filter((d) => d.group === "case");
    assert.ok(own.length > 0);
    for (const d of own) assert.equal(d.ownMeasure, true, d.code);
  });

  test("indicatorsForScope() returns, in registry order, the definitions that name the level", () => {
    for (const level of SCOPE_LEVELS) {
      const got = indicatorsForScope(level).map((d) => d.code);
      assert.deepEqual(got, INDICATORS.filter((d) => d.scopes.includes(level)).map((d) => d.code));
    }
    assert.ok(!indicatorsForScope("office").some((d) => d.kind === "external"));
    assert.deepEqual(
      indicatorsForScope("prefecture", "case").map((d) => d.group),
      INDICATORS.filter((d) => d.group === "case").map(() => "case"),
    );
  });

  test("every definition computes at every scope it names, and lists the records it says it lists", () => {
    const refs: Record<string, ScopeRef> = { prefecture: { level: "prefecture" }, region: { level: "region", regionId: "33-bizen" }, office: { level: "office", officeId: "33-bizen" } };
    for (const fiscalYear of [2016, 2021]) {
      for (const d of INDICATORS) {
        for (const level of d.scopes) {
          const ref = refs[level]!;
          const ctx = new IndicatorContext(countScopeOf("33", ref), ref, fiscalYear, "2026-12-01");
          const v = computeFor(d.code)(ctx);
          const where = `${d.code} at ${level} FY${fiscalYear}`;
          assert.ok(v.value === null || (typeof v.value === "number" && Number.isFinite(v.value)), `${where}: value ${v.value}`);
          if (v.value === null) assert.ok(v.notComputable?.reason.ja, `${where}: null without a reason`);
          if (v.value !== null && d.kind === "count") assert.ok(v.value >= 0, `${where}: negative count`);
          if (v.records && d.records) {
            const groups = v.records();
            assert.ok(groups.some((g) => g.kind === d.records), `${where}: lists ${groups.map((g) => g.kind).join(",")}, not ${d.records}`);
          }
        }
      }
    }
  });
});
