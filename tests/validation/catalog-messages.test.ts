import { after, test } from "node:test";
import assert from "node:assert/strict";
import { z } from "zod";
import { setAppToday } from "@/lib/domain/clock";
import { en } from "@/lib/i18n/messages/en";
import { ja } from "@/lib/i18n/messages/ja";
import { lookup } from "@/lib/i18n/translate";
import * as activitiesTables from "@/lib/validation/activities-tables";
import * as activities from "@/lib/validation/activities";
import * as caseRecords from "@/lib/validation/case-records";
import * as caseSchemas from "@/lib/validation/case";
import * as dates from "@/lib/validation/dates";
import * as fields from "@/lib/validation/fields";
import * as indicatorTargets from "@/lib/validation/indicator-targets";
import * as outreach from "@/lib/validation/outreach";
import * as peer from "@/lib/validation/peer";
import * as personFields from "@/lib/validation/person-fields";
import * as sheetSettings from "@/lib/validation/sheet-settings";
import * as statistics from "@/lib/validation/statistics";
import * as user from "@/lib/validation/user";
import * as yearClose from "@/lib/validation/year-close";
import * as hospitalSchemas from "@/app/(app)/admin/hospitals/hospital-schema";

/*
 * Every message a user can be shown comes from the catalogs (issue 11): every exported schema
 * of lib/validation is fed hostile values in every field it has, and every issue it reports
 * must be a catalog key (with or without figures, `key?max=2000`) present in Japanese and in
 * English. A raw zod message ("Invalid input: expected number, received NaN") fails here.
 */

// The hospital form's schema lives beside its actions (a "use server" file exports only functions).
const modules = { activitiesTables, activities, caseRecords, caseSchemas, dates, fields, indicatorTargets, outreach, peer, personFields, sheetSettings, statistics, user, yearClose, hospitalSchemas };

type Def = { type: string; shape?: Record<string, z.ZodType>; in?: z.ZodType; innerType?: z.ZodType; out?: z.ZodType };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The field names of a schema, found through its pipes, defaults and optionals. */
function shapeKeys(schema: z.ZodType, depth = 0): string[] {
  if (depth > 8) return [];
  const def = defOf(schema);
  if (def.type === "object" && def.shape) return Object.keys(def.shape);
  const inner = def.in ?? def.innerType;
  return inner ? shapeKeys(inner, depth + 1) : [];
}

/** Every exported schema, and those made by an exported factory taking no arguments or a kind. */
function schemas(): [string, z.ZodType][] {
  const found: [string, z.ZodType][] = [];
  for (const [mod, exports] of Object.entries(modules)) {
    for (const [name, value] of Object.entries(exports)) {
      if (value instanceof z.ZodType) found.push([`${mod}.${name}`, value]);
    }
  }
  found.push(["dates.requiredDate()", dates.requiredDate()], ["dates.optionalDate()", dates.optionalDate()]);
  found.push(["dates.happenedDate()", dates.happenedDate()], ["dates.optionalHappenedDate()", dates.optionalHappenedDate()]);
  for (const kind of Object.keys(fields.TEXT_LIMITS) as fields.TextKind[]) found.push([`fields.text(${kind})`, fields.text(kind)], [`fields.optionalText(${kind})`, fields.optionalText(kind)]);
  found.push(["fields.optionalWholeNumber", fields.optionalWholeNumber(0, 1440, "validation.activity.minutesFormat")]);
  found.push(["activities.count()", activities.count()], ["activities.optionalCount()", activities.optionalCount()], ["activities.requiredCount()", activities.requiredCount()]);
  return found;
}

/** Awkward things people (and broken pages) send. */
const HOSTILE: unknown[] = [
  "",
  "   ",
  "abc",
  "-3",
  "1.5",
  "１３：００",
  "13時半",
  "25:99",
  "2099/12/31",
  "令和99年13月40日",
  "H31.5.1",
  "Ｘ".repeat(5000),
  "<script>",
  "on",
  ["a", "b"],
  [],
  123,
  null,
  undefined,
  {},
];

function messagesOf(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

const isCatalogKey = (message: string) => {
  const key = message.split("?")[0]!;
  return /^[\w.]+$/.test(key) && lookup(ja, key) !== undefined && lookup(en as never, key) !== undefined;
};

test("every message of every schema in lib/validation is a catalog key in both languages", () => {
  setAppToday("2026-12-06");
  after(() => setAppToday(null));
  const all = schemas();
  const everyKey = [...new Set(all.flatMap(([, s]) => shapeKeys(s))), "hours:p1", "honorarium:p1", "travel:p1", "codes", "fiscalYear", "callsTotal_2026-04"];
  assert.ok(all.length > 60, `found ${all.length} schemas`);
  const raw: string[] = [];
  for (const [name, schema] of all) {
    const keys = shapeKeys(schema);
    // A form always sends an object (formValues); bare values go to the field schemas only.
    const inputs: unknown[] = keys.length ? [{}] : [...HOSTILE];
    // In an object, a field is what formValues gives: a string or a list of strings.
    for (const value of HOSTILE.filter((v) => typeof v === "string" || Array.isArray(v))) {
      inputs.push(Object.fromEntries((keys.length ? keys : everyKey).map((k) => [k, value])));
      // One field at a time, the others empty: the messages of a field's own rules.
      for (const k of keys) inputs.push({ ...Object.fromEntries(keys.map((other) => [other, ""])), [k]: value });
    }
    for (const input of inputs) {
      for (const message of messagesOf(schema, input)) if (!isCatalogKey(message)) raw.push(`${name}: ${message.slice(0, 80)}`);
    }
  }
  assert.deepEqual([...new Set(raw)], []);
});

test("the awkward values give the catalog's own words: abc minutes, NaN never, the limit stated", () => {
  setAppToday("2026-12-06");
  after(() => setAppToday(null));
  const activity = { caseId: "c", date: "2026/12/06", activityType: "phone", minutes: "abc", summary: "" };
  assert.deepEqual(messagesOf(caseRecords.ActivitySchema, activity), ["validation.activity.minutesFormat"]);
  assert.equal(caseRecords.ActivitySchema.parse({ ...activity, minutes: "９０" }).minutes, 90, "full-width digits");
  assert.deepEqual(messagesOf(caseRecords.ActivitySchema, { ...activity, minutes: "1441" }), ["validation.activity.minutesFormat"]);
  assert.deepEqual(messagesOf(caseRecords.ActivitySchema, { ...activity, minutes: "", summary: "あ".repeat(2001) }), ["validation.textTooLong?max=2000"]);
  assert.equal(caseRecords.ActivitySchema.safeParse({ ...activity, minutes: "", summary: "あ".repeat(2000) }).success, true);
  // A missing field a schema did not word: the generic catalog message, not zod's English.
  assert.deepEqual(messagesOf(caseRecords.ActivitySchema, { ...activity, minutes: "", caseId: undefined }), ["validation.invalid"]);
});

test("a note is the same length everywhere: 2000 in the case, outreach, peer and activity forms", () => {
  const note = "あ".repeat(2001);
  const limits = [
    messagesOf(fields.optionalText("note"), note),
    messagesOf(caseRecords.FollowUpSchema.shape.note, note),
    messagesOf(outreach.OutreachOutcomeSchema.shape.note, note),
    messagesOf(outreach.OutreachContactSchema.shape.summary, note),
    messagesOf(peer.DispatchStatusSchema.shape.report, note),
  ];
  for (const messages of limits) assert.deepEqual(messages, ["validation.textTooLong?max=2000"]);
});
