import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { z } from "zod";
import * as hospitalSchemas from "@/app/(app)/admin/hospitals/hospital-schema";
import { setAppToday } from "@/lib/domain/clock";
import { en } from "@/lib/i18n/messages/en";
import { ja } from "@/lib/i18n/messages/ja";
import { lookup } from "@/lib/i18n/translate";
import * as accountChange from "@/lib/validation/account-change";
import * as activitiesTables from "@/lib/validation/activities-tables";
import * as activities from "@/lib/validation/activities";
import * as caseRecords from "@/lib/validation/case-records";
import * as caseTransfer from "@/lib/validation/case-transfer";
import * as caseSchemas from "@/lib/validation/case";
import * as fields from "@/lib/validation/fields";
import * as indicatorTargets from "@/lib/validation/indicator-targets";
import * as outreach from "@/lib/validation/outreach";
import * as peer from "@/lib/validation/peer";
import * as personFields from "@/lib/validation/person-fields";
import * as person from "@/lib/validation/person";
import * as secondFactor from "@/lib/validation/second-factor";
import * as sheetSettings from "@/lib/validation/sheet-settings";
import * as statistics from "@/lib/validation/statistics";
import * as user from "@/lib/validation/user";
import * as yearClose from "@/lib/validation/year-close";
import { anyString, dateIshString, FEW, isoDateIn, mixWidth } from "./arbitraries";

/*
 * Every exported zod schema of lib/validation (and the hospital form's), fed fast-check's forms
 * (issue 13): objects with the schema's own fields holding what a browser, a script or an import
 * row can send (any text, dates in every form, numbers with commas and full-width digits, the
 * field's own codes, a field sent twice). No schema throws, and every message it gives is a
 * catalog key in Japanese and English (tests/validation/catalog-messages.test.ts feeds a fixed
 * hostile list; this feeds generated ones).
 */

const modules = { accountChange, activitiesTables, activities, caseRecords, caseTransfer, caseSchemas, fields, indicatorTargets, outreach, peer, personFields, person, secondFactor, sheetSettings, statistics, user, yearClose, hospitalSchemas };

type Def = { type: string; shape?: Record<string, z.ZodType>; in?: z.ZodType; out?: z.ZodType; innerType?: z.ZodType; entries?: Record<string, string>; values?: unknown[]; element?: z.ZodType };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The object shape of a schema, found through its pipes, defaults and optionals. */
function shapeOf(schema: z.ZodType, depth = 0): Record<string, z.ZodType> | null {
  if (depth > 8) return null;
  const def = defOf(schema);
  if (def.type === "object" && def.shape) return def.shape;
  const inner = def.in ?? def.innerType;
  return inner ? shapeOf(inner, depth + 1) : null;
}

/** The codes a field takes, if it is (or ends in) an enum or literal: generated often, so that the cross-field rules run too. */
function codesOf(schema: z.ZodType, depth = 0): string[] {
  if (depth > 8) return [];
  const def = defOf(schema);
  if (def.type === "enum" && def.entries) return Object.values(def.entries).map(String);
  if (def.type === "literal" && def.values) return def.values.map(String);
  const found = [def.out, def.in, def.innerType, def.element].filter((s): s is z.ZodType => !!s).flatMap((s) => codesOf(s, depth + 1));
  return [...new Set(found)];
}

/** What a form field can hold: any text, dates, times, numbers of both widths, flags. */
const fieldText = fc.oneof(
  { weight: 3, arbitrary: anyString },
  { weight: 3, arbitrary: dateIshString },
  { weight: 2, arbitrary: isoDateIn(1990, 2030).chain((iso) => fc.constantFrom(iso, iso.replaceAll("-", "/"))) },
  { weight: 2, arbitrary: fc.oneof(fc.nat({ max: 200 }), fc.integer(), fc.double()).map(String) },
  { weight: 1, arbitrary: fc.constantFrom("", " ", "on", "true", "1", "0", "-1", "１，０００", "13:00", "prefecture", "office:33-bizen", "region:bizen", "a".repeat(5000)) },
  // Names of Object.prototype: a code looked up in a plain object map finds these unless it checks own keys.
  { weight: 1, arbitrary: fc.constantFrom("valueOf", "constructor", "__proto__", "toString", "hasOwnProperty", "length") },
);

function fieldValue(schema: z.ZodType): fc.Arbitrary<string | string[]> {
  const codes = codesOf(schema);
  const single = codes.length ? fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...codes) }, { weight: 1, arbitrary: fieldText }) : fieldText;
  // formValues gives a list for a repeated field: sent once, twice, or not at all.
  return fc.oneof({ weight: 6, arbitrary: single }, { weight: 1, arbitrary: fc.array(single, { maxLength: 3 }) });
}

/** Every schema in the modules, and those made by the field factories. */
function schemas(): [string, z.ZodType][] {
  const found: [string, z.ZodType][] = [];
  for (const [mod, exports] of Object.entries(modules)) {
    for (const [name, value] of Object.entries(exports)) if (value instanceof z.ZodType) found.push([`${mod}.${name}`, value]);
  }
  for (const kind of Object.keys(fields.TEXT_LIMITS) as fields.TextKind[]) found.push([`fields.optionalText(${kind})`, fields.optionalText(kind)]);
  found.push(["fields.optionalWholeNumber", fields.optionalWholeNumber(0, 1440, "validation.activity.minutesFormat")]);
  found.push(["activities.count()", activities.count()], ["activities.optionalCount()", activities.optionalCount()], ["activities.requiredCount()", activities.requiredCount()]);
  return found;
}

const isCatalogKey = (message: string) => {
  const key = message.split("?")[0]!;
  return /^[\w.]+$/.test(key) && lookup(ja, key) !== undefined && lookup(en as never, key) !== undefined;
};

describe("every schema of lib/validation, fed generated forms", () => {
  before(() => setAppToday("2026-12-06"));
  after(() => setAppToday(null));
  const all = schemas();

  it("finds the schemas", () => assert.ok(all.length > 70, `found ${all.length}`));

  for (const [name, schema] of all) {
    const shape = shapeOf(schema);
    const input: fc.Arbitrary<unknown> = shape
      ? fc.record(Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, fieldValue(s)])), { requiredKeys: [] })
      : fc.oneof(fieldValue(schema), fc.constantFrom(null, undefined, 123, {}, []));

    it(`${name}: never throws; every message a catalog key in both languages`, () => {
      fc.assert(
        fc.property(input, (value) => {
          let result;
          try {
            result = schema.safeParse(value);
          } catch (e) {
            assert.fail(`${name} threw ${String(e)} for ${JSON.stringify(value)}`);
          }
          if (result.success) return;
          for (const issue of result.error.issues) assert.ok(isCatalogKey(issue.message), `${name}: ${JSON.stringify(issue.message)} at ${issue.path.join(".")}`);
        }),
        FEW,
      );
    });
  }
});

/*
 * Complete, valid forms with a few fields replaced: the cross-field rules (dates in order, the
 * birth month agreeing with the date of birth, the 630 sums) run only on forms that are nearly
 * right, which fully generated ones seldom are.
 */
const CASE_FORM = {
  familyName: "試験", givenName: "一郎", familyNameKana: "しけん", givenNameKana: "いちろう", dateOfBirth: "", birthYearMonth: "1970-05",
  sex: "male", municipalityCode: "", phone: "", address: "", referralDate: "R6.4.10", referralSource: "self", hospitalId: "h",
  wardType: "", indexAdmissionDate: "2010-04-15", admissionDatePrecision: "month", admissionType: "", diagnosisGroup: "", techoGrade: "",
  supportCategory: "", consentDate: "", consentScope: "", supportStartDate: "2024-04-20", plannedDischargeDate: "", coordinatorUserId: "u", officeId: "o",
};
const OUTREACH_FORM = {
  officeId: "33-bizen", coordinatorUserId: "u1", personMode: "new", personId: "", familyName: "見本", givenName: "花子", familyNameKana: "みほん",
  givenNameKana: "はなこ", dateOfBirth: "", birthYearMonth: "1980-02", sex: "female", municipalityCode: "", phone: "", address: "",
  targets: ["untreated", "hikikomori"], primaryTarget: "untreated", teamKind: "contracted_hospital", teamName: "（見本）チーム",
  referralDate: "2024/4/1", referralSource: "family", diagnosisGroup: "", selectionConferenceDate: "", startDate: "", gafStart: "",
};
const STATISTIC_630 = {
  topic: "inpatients_630", asOf: "R3.6.30", method: "survey_630", sourceLabel: "630調査", note: "", inpatients_total: "3,559", inpatients_lt3m: "８２９",
  inpatients_3to12m: "576", inpatients_ge1y: "2154", inpatients_ge1y_u65: "636", inpatients_ge1y_65plus: "1518",
};
const DISPATCH_FORM = {
  officeId: "33-bizen", date: "2026/11/30", startTime: "13:30", endTime: "15:00", status: "done", requestingOrg: "", destinationKind: "hospital",
  hospitalId: "h1", destinationName: "", purpose: "inhospital_salon", audienceCount: "12", caseId: "", report: "", peerIds: ["p1", "p2"],
  "hours:p1": "1.5", "honorarium:p1": "3,000", "travel:p1": "", "hours:p2": "2", "honorarium:p2": "", "travel:p2": "１，２００",
};
const NEARLY_RIGHT: [string, z.ZodType, Record<string, string | string[]>][] = [
  ["CaseCreateSchema", caseSchemas.CaseCreateSchema, CASE_FORM],
  ["OutreachCreateSchema", outreach.OutreachCreateSchema, OUTREACH_FORM],
  ["OutreachContactSchema", outreach.OutreachContactSchema, { outreachCaseId: "o1", date: "2024/5/1", contactType: "home_visit", metPerson: "on", minutes: "60", place: "自宅", summary: "訪問した。" }],
  ["ActivitySchema", caseRecords.ActivitySchema, { caseId: "c", date: "2026/12/06", activityType: "phone", minutes: "90", summary: "" }],
  ["MeetingCreateSchema", activities.MeetingCreateSchema, { kind: "case_review", date: "R3.6.10", title: "事例検討会", officeId: "33-bizen", regionId: "", kyogiBodyId: "", venue: "", agenda: "", casesReviewed: "2" }],
  ["DispatchCreateSchema", peer.DispatchCreateSchema, DISPATCH_FORM],
  ["StatisticCreateSchema", statistics.StatisticCreateSchema, STATISTIC_630],
];

describe("valid forms with a few fields replaced", () => {
  before(() => setAppToday("2026-12-06"));
  after(() => setAppToday(null));

  for (const [name, schema, form] of NEARLY_RIGHT) {
    const shape = shapeOf(schema) ?? {};
    // Keys outside the shape too: a dispatch's per-peer fields (hours:p1) are read by its own rules.
    const change = fc.array(fc.constantFrom(...Object.keys(form)).chain((k) => fieldValue(shape[k] ?? z.string()).map((v) => [k, v] as const)), { minLength: 1, maxLength: 3 });

    it(`${name}: the form as given parses; with any fields replaced it never throws and words every problem from the catalog`, () => {
      assert.equal(schema.safeParse(form).success, true, JSON.stringify(schema.safeParse(form).error?.issues));
      fc.assert(
        fc.property(change, (changes) => {
          const result = schema.safeParse({ ...form, ...Object.fromEntries(changes) });
          if (!result.success) for (const issue of result.error.issues) assert.ok(isCatalogKey(issue.message), `${name}: ${issue.message} at ${issue.path.join(".")}`);
        }),
        FEW,
      );
    });

    it(`${name}: digits typed full-width or mixed read the same as ASCII in every field`, () => {
      const expected = schema.parse(form);
      fc.assert(
        fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }), (mask) => {
          const typed = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, typeof v === "string" && /^[\d\-/.,]+$/.test(v) ? mixWidth(v, mask) : v]));
          assert.deepEqual(schema.parse(typed), expected);
        }),
        FEW,
      );
    });
  }
});
