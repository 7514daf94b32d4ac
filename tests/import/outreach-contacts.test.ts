import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { and, eq, isNull, ne } from "drizzle-orm";
import { getDb } from "@/db/client";
import { outreachCases, outreachContactProfessions, outreachContacts } from "@/db/schema";
import { todayIso } from "@/lib/domain/fiscal-year";
import { OUTREACH_CONTACT_COLUMNS } from "@/lib/import/outreach-contacts";
import { runImport, type ImportResult } from "@/lib/import/run";
import { headerNames, japaneseHeader, templateRows } from "@/lib/import/template";
import { actorFor, seededDb } from "../helpers/test-db";

/* Import of outreach contacts (ADR 0043): OutreachContactSchema and addOutreachContact; a contact equal in every value is unchanged. */

const HEADERS = OUTREACH_CONTACT_COLUMNS.map(japaneseHeader);
let caseNo = "";
let caseId = "";
let otherCaseNo = "";
const today = todayIso();

function row(overrides: Record<string, string> = {}): string[] {
  const values: Record<string, string> = { outreachCaseId: caseNo, date: today, contactType: "訪問", professions: "保健師、看護師", metPerson: "はい", minutes: "６０", place: "自宅", summary: "取込の接触", ...overrides };
  return OUTREACH_CONTACT_COLUMNS.map((c) => values[c.field] ?? "");
}
const csv = (rows: string[][]) => [HEADERS, ...rows].map((r) => r.map((v) => `"${v.replaceAll('"', '""')}"`).join(",")).join("\r\n");

async function importContacts(rows: string[][], mode: "preview" | "commit", username = "bizen.coord"): Promise<Extract<ImportResult, { ok: true }>> {
  const result = await runImport(actorFor(username), "outreach-contacts", new TextEncoder().encode(csv(rows)), { mode, headerNames, fileName: "o.csv", importsPerHour: 1_000_000 });
  assert.ok(result.ok, JSON.stringify(result));
  return result as Extract<ImportResult, { ok: true }>;
}
const contactsWith = (summary: string) => getDb().select().from(outreachContacts).where(eq(outreachContacts.outreachCaseId, caseId)).all().filter((c) => c.summary === summary);

before(async () => {
  await seededDb();
  const open = getDb().select().from(outreachCases).where(and(eq(outreachCases.officeId, "33-bizen"), isNull(outreachCases.endDate))).get()!;
  caseNo = open.caseNo;
  caseId = open.id;
  otherCaseNo = getDb().select().from(outreachCases).where(ne(outreachCases.officeId, "33-bizen")).get()!.caseNo;
});

describe("importing outreach contacts", () => {
  test("preview writes nothing; commit logs the contact with its professions; the same file again adds nothing", async () => {
    const preview = await importContacts([row()], "preview");
    assert.deepEqual([preview.create, preview.errors, contactsWith("取込の接触").length], [1, [], 0]);
    assert.equal((await importContacts([row()], "commit")).create, 1);
    const [stored] = contactsWith("取込の接触");
    assert.equal(stored!.minutes, 60);
    const professions = getDb().select().from(outreachContactProfessions).where(eq(outreachContactProfessions.contactId, stored!.id)).all().map((p) => p.profession).sort();
    assert.deepEqual(professions, ["nurse", "phn"]);
    const again = await importContacts([row()], "commit");
    assert.deepEqual([again.create, again.unchanged], [0, 1]);
    assert.equal(contactsWith("取込の接触").length, 1);
  });

  test("another office's case number is not found (like a wrong one); a bad yes/no and a future date are errors; nothing is written", async () => {
    const tomorrow = new Date(Date.parse(today) + 86_400_000).toISOString().slice(0, 10);
    const result = await importContacts([row({ summary: "全部か無か" }), row({ outreachCaseId: otherCaseNo }), row({ metPerson: "たぶん" }), row({ date: tomorrow })], "commit");
    assert.equal(result.committed, false);
    assert.deepEqual(result.errors.map((e) => [e.row, e.column]), [[3, "依頼番号"], [4, "本人に会えた（話せた）"], [5, "実施日"]]);
    assert.equal(contactsWith("全部か無か").length, 0);
  });

  test("the template's example row imports as it is", async () => {
    const [header, example] = templateRows(actorFor("bizen.coord"), "outreach-contacts");
    assert.deepEqual(header, HEADERS);
    const result = await importContacts([example!], "preview");
    assert.deepEqual(result.errors, []);
  });
});
