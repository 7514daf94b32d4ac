import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLogs, municipalities, personIdentities, personIdentityHistory, persons, users } from "@/db/schema";
import { encryptIdentities } from "@/db/seed/encrypt-identities";
import { ROLE_PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { listCasesForActor } from "@/lib/dal/case-list";
import { createCase, listCaseAuditForActor } from "@/lib/dal/cases";
import { createOutreachCase, listOutreachAuditForActor } from "@/lib/dal/outreach";
import { listOutreachCasesForActor } from "@/lib/dal/outreach-list";
import { correctPerson, getPersonForCorrection } from "@/lib/dal/persons";
import { PERSON_VALUE_HIDDEN } from "@/lib/domain/person-correction";
import { CaseCreateSchema } from "@/lib/validation/case";
import { OutreachCreateSchema } from "@/lib/validation/outreach";
import { PersonCorrectionSchema } from "@/lib/validation/person";
import { thrown } from "../helpers/dal-asserts";
import { hospitalOf } from "../helpers/indicator-fixtures";
import { actorFor, seededDb } from "../helpers/test-db";
import { detailOf } from "../helpers/audit-detail";

/*
 * Correcting a person (ADR 0028): who may, the stale save, what is written (person, identity,
 * keys, one history row, an audit row on every record of the person naming the fields only),
 * who sees the old and new values in the 閲覧・変更履歴, and the kanji name search.
 */

const userId = (username: string) => getDb().select().from(users).where(eq(users.username, username)).get()!.id;

const PERSON = {
  familyName: "髙橋",
  givenName: "美咲",
  familyNameKana: "たかはし",
  givenNameKana: "みさき",
  dateOfBirth: "",
  birthYearMonth: "1975-06",
  sex: "female",
  municipalityCode: "",
  phone: "086-000-0000",
  address: "",
};

function newCase(person: Partial<typeof PERSON> = {}) {
  return createCase(
    actorFor("bizen.coord"),
    CaseCreateSchema.parse({
      ...PERSON,
      ...person,
      referralDate: "2024-04-10",
      referralSource: "hospital_psw",
      hospitalId: hospitalOf("33"),
      wardType: "",
      indexAdmissionDate: "2010-04-01",
      admissionDatePrecision: "day",
      admissionType: "",
      diagnosisGroup: "",
      techoGrade: "",
      supportCategory: "",
      consentDate: "",
      consentScope: "",
      supportStartDate: "2024-04-20",
      plannedDischargeDate: "",
      coordinatorUserId: userId("bizen.coord"),
      officeId: "33-bizen",
    }),
  );
}

/** An outreach case for the person at 東備支所 (another office), referred by the supervisor of 備前 and its branch. */
function outreachAtTobi(personId: string) {
  return createOutreachCase(
    actorFor("bizen.sup"),
    OutreachCreateSchema.parse({
      officeId: "33-tobi",
      coordinatorUserId: userId("tobi.coord"),
      personMode: "existing",
      personId,
      targets: ["untreated"],
      primaryTarget: "untreated",
      teamKind: "health_center",
      teamName: "試験チーム",
      referralDate: "2024-05-01",
      referralSource: "family",
      diagnosisGroup: "",
      selectionConferenceDate: "",
      startDate: "",
      gafStart: "",
    }),
  );
}

const personOfCase = (caseId: string) => getDb().all<{ personId: string }>(sql`SELECT person_id AS personId FROM cases WHERE id = ${caseId}`)[0]!.personId;

/** The correction form as sent: the stored values, with `changes` typed over them. */
function correction(username: string, from: "case" | "outreach", recordId: string, changes: Record<string, string>, version?: number) {
  const actor = actorFor(username);
  const loaded = getPersonForCorrection(actor, from, recordId);
  const typed = Object.fromEntries(Object.entries(loaded.values).map(([k, v]) => [k, v ?? ""]));
  return PersonCorrectionSchema.parse({ ...typed, ...changes, from, recordId, version: String(version ?? loaded.version), base: JSON.stringify(loaded.values) });
}

const auditOf = (entityId: string) =>
  getDb()
    .select()
    .from(auditLogs)
    .where(and(eq(auditLogs.entityId, entityId), sql`json_extract(${auditLogs.detail}, '$.record') = 'person'`))
    .all();

before(async () => {
  await seededDb();
});

describe("correcting a person", () => {
  test("a coordinator corrects a typo from the case page: person, keys, history, and an audit row on every record naming the fields only", () => {
    const c = newCase();
    const personId = personOfCase(c.id);
    const o = outreachAtTobi(personId);
    const municipality = getDb().select().from(municipalities).where(eq(municipalities.prefectureCode, "33")).get()!;

    const changed = correctPerson(
      actorFor("bizen.coord"),
      correction("bizen.coord", "case", c.id, { givenName: "美咲子", givenNameKana: "ﾐｻｷｺ", phone: "(086)123-4567", municipalityCode: municipality.code, sex: "female" }),
    );
    assert.deepEqual(changed, ["givenName", "givenNameKana", "municipalityCode", "phone"]);

    const identity = getDb().select().from(personIdentities).where(eq(personIdentities.personId, personId)).get()!;
    assert.equal(identity.givenName, "美咲子");
    assert.equal(identity.givenNameKana, "ミサキコ", "half-width kana stored full-width");
    assert.equal(identity.phone, "086-123-4567", "the phone in its stored form");
    // The keys are HMACs (ADR 0040): compared with the plain key, which the column type hashes.
    const keyed = (where: ReturnType<typeof eq>) => getDb().select({ id: personIdentities.personId }).from(personIdentities).where(and(eq(personIdentities.personId, personId), where)).all().length;
    assert.equal(keyed(eq(personIdentities.kanaKey, "タカハシミサキコ")), 1);
    assert.equal(keyed(eq(personIdentities.familyNameKey, "高橋")) + keyed(eq(personIdentities.nameKey, "高橋美咲子")), 2);
    assert.notEqual(identity.kanaKey, "タカハシミサキコ");
    const person = getDb().select().from(persons).where(eq(persons.id, personId)).get()!;
    assert.deepEqual([person.version, person.municipalityCode], [2, municipality.code]);

    const history = getDb().select().from(personIdentityHistory).where(eq(personIdentityHistory.personId, personId)).all();
    assert.equal(history.length, 1);
    assert.deepEqual(JSON.parse(history[0]!.changes), {
      givenName: ["美咲", "美咲子"],
      givenNameKana: ["みさき", "ミサキコ"],
      municipalityCode: [null, municipality.code],
      phone: ["086-000-0000", "086-123-4567"],
    });
    assert.deepEqual([history[0]!.changedBy, history[0]!.fromEntityType, history[0]!.fromEntityId], [userId("bizen.coord"), "case", c.id]);

    // Both records of the person, at both offices, say so; no value is in the audit log.
    for (const [entityType, id] of [["case", c.id], ["outreach_case", o.id]] as const) {
      const rows = auditOf(id);
      assert.equal(rows.length, 1, id);
      assert.deepEqual([rows[0]!.entityType, rows[0]!.action, rows[0]!.actorUsername], [entityType, "update", "bizen.coord"]);
      const detail = detailOf(rows[0]!);
      assert.equal(detail.personHistoryId, history[0]!.id);
      assert.deepEqual(Object.keys(detail.changes), changed);
      for (const secret of ["美咲", "ミサキ", "みさき", "086", municipality.code]) assert.ok(!rows[0]!.detail!.includes(secret), secret);
    }

    // Opening the form showed the identity: audited on the record it was opened from.
    const views = getDb()
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.entityId, c.id), eq(auditLogs.action, "view"), sql`json_extract(${auditLogs.detail}, '$.personForm') = 1`))
      .all();
    assert.equal(views.length, 1);
    assert.equal(detailOf(views[0]!).identity, true);

    // Saving the same values again changes nothing and writes nothing.
    assert.deepEqual(correctPerson(actorFor("bizen.coord"), correction("bizen.coord", "case", c.id, {})), []);
    assert.equal(auditOf(c.id).length, 1);
  });

  test("the birth month follows a typed date of birth; a mismatch and an unknown municipality are refused", () => {
    const c = newCase({ familyName: "生年", familyNameKana: "せいねん" });
    correctPerson(actorFor("bizen.coord"), correction("bizen.coord", "case", c.id, { dateOfBirth: "1975/07/03", birthYearMonth: "" }));
    const p = getDb().select().from(persons).where(eq(persons.id, personOfCase(c.id))).get()!;
    assert.equal(p.birthYearMonth, "1975-07");
    const mismatch = PersonCorrectionSchema.safeParse({ ...PERSON, dateOfBirth: "1975/07/03", birthYearMonth: "1975-08", from: "case", recordId: c.id, version: "1" });
    assert.equal(mismatch.error?.issues[0]?.message, "validation.person.birthMismatch");
    const wrong = thrown(() => correctPerson(actorFor("bizen.coord"), correction("bizen.coord", "case", c.id, { municipalityCode: "35201" })));
    assert.deepEqual([wrong.code, wrong.fieldErrors.municipalityCode], ["invalid", "validation.person.municipalityInvalid"]);
  });

  test("a stale version saves nothing and names what someone else changed", () => {
    const c = newCase({ familyName: "競合", familyNameKana: "きょうごう" });
    const stale = correction("bizen.coord2", "case", c.id, { address: "岡山市北区" });
    correctPerson(actorFor("bizen.coord"), correction("bizen.coord", "case", c.id, { phone: "090 1111 2222" }));
    const error = thrown(() => correctPerson(actorFor("bizen.coord2"), stale));
    assert.equal(error.code, "conflict");
    assert.deepEqual(error.conflicts, { phone: ["086-000-0000", "090-1111-2222"] });
    assert.equal(getDb().select().from(personIdentities).where(eq(personIdentities.personId, personOfCase(c.id))).get()!.address, null);
  });

  test("only with the page's write permission, the identity permission and the record in reach", () => {
    const c = newCase({ familyName: "権限", familyNameKana: "けんげん" });
    const personId = personOfCase(c.id);
    const o = outreachAtTobi(personId);
    const input = correction("bizen.coord", "case", c.id, { address: "倉敷市" });
    // Other offices (the case is not in their reach), another prefecture, the prefecture role: as if missing.
    for (const username of ["tobi.coord", "mimasaka.coord", "ube.coord", "okayama.pref", "okayama.admin"]) {
      assert.equal(thrown(() => correctPerson(actorFor(username), input)).code, "not_found", username);
      assert.equal(thrown(() => getPersonForCorrection(actorFor(username), "case", c.id)).code, "not_found", username);
    }
    assert.equal(thrown(() => getPersonForCorrection(actorFor("mimasaka.coord"), "outreach", o.id)).code, "not_found");
    // 東備支所 holds the outreach case: it may correct the person from there, not from the 備前 case.
    assert.deepEqual(correctPerson(actorFor("tobi.coord"), correction("tobi.coord", "outreach", o.id, { address: "備前市" })), ["address"]);
    assert.equal(auditOf(c.id).length, 1, "the 備前 case's history shows the correction made at 東備支所");
    assert.equal(getDb().select().from(personIdentityHistory).where(eq(personIdentityHistory.personId, personId)).get()!.fromEntityType, "outreach_case");
  });
});

describe("who sees the values in the history", () => {
  test("a supervisor (may read identities) sees old → new; without the identity permission only the fields", () => {
    const c = newCase({ familyName: "履歴", familyNameKana: "りれき" });
    correctPerson(actorFor("bizen.coord"), correction("bizen.coord", "case", c.id, { familyName: "履暦", sex: "male" }));
    const rowOf = (trail: ReturnType<typeof listCaseAuditForActor>) => trail.rows.find((r) => detailOf(r).record === "person")!;

    const shown = detailOf(rowOf(listCaseAuditForActor(actorFor("bizen.sup"), c.id)));
    assert.deepEqual(shown.changes, { familyName: ["履歴", "履暦"], sex: ["female", "male"] });

    // The same supervisor without the identity permission: the fields, never the values.
    const supervisor = ROLE_PERMISSIONS.supervisor as Permission[];
    const at = supervisor.indexOf("read:identity:reach");
    supervisor.splice(at, 1);
    try {
      const row = rowOf(listCaseAuditForActor(actorFor("bizen.sup"), c.id));
      assert.deepEqual(detailOf(row).changes, { familyName: [PERSON_VALUE_HIDDEN, PERSON_VALUE_HIDDEN], sex: [PERSON_VALUE_HIDDEN, PERSON_VALUE_HIDDEN] });
      assert.ok(!row.detail!.includes("履"));
    } finally {
      supervisor.splice(at, 0, "read:identity:reach");
    }
  });

  test("the outreach case's history shows the same correction", () => {
    const c = newCase({ familyName: "両方", familyNameKana: "りょうほう" });
    const o = outreachAtTobi(personOfCase(c.id));
    correctPerson(actorFor("bizen.coord"), correction("bizen.coord", "case", c.id, { givenName: "美咲恵" }));
    const row = listOutreachAuditForActor(actorFor("bizen.sup"), o.id).rows.find((r) => detailOf(r).record === "person")!;
    assert.deepEqual(detailOf(row).changes, { givenName: ["美咲", "美咲恵"] });
  });
});

describe("kanji name search", () => {
  test("exact family or full name after normalising variants; kana and numbers still work", () => {
    const c = newCase({ familyName: "渡邊", givenName: "櫻子", familyNameKana: "わたなべ", givenNameKana: "さくらこ" });
    const bizen = actorFor("bizen.coord");
    const find = (q: string) => listCasesForActor(bizen, { page: 1, pageSize: 100, sort: "caseNo", dir: "asc" }, { q }).rows.map((r) => r.id);
    for (const q of ["渡邊", "渡辺", "渡邉", "渡辺 桜子", "渡邊櫻子", "わたなべ", "ﾜﾀﾅﾍﾞｻｸﾗｺ", c.caseNo]) assert.ok(find(q).includes(c.id), q);
    // Exact keys, not a substring: part of a name finds nothing.
    for (const q of ["渡", "桜子", "辺桜"]) assert.ok(!find(q).includes(c.id), q);
    // Out of reach: nothing, whatever the name.
    assert.deepEqual(listCasesForActor(actorFor("tobi.coord"), { page: 1, pageSize: 100, sort: "caseNo", dir: "asc" }, { q: "渡辺桜子" }).rows.filter((r) => r.id === c.id), []);

    // A correction re-keys the name; the outreach list finds it too.
    const o = outreachAtTobi(personOfCase(c.id));
    correctPerson(bizen, correction("bizen.coord", "case", c.id, { familyName: "髙野" }));
    assert.ok(find("高野").includes(c.id));
    assert.ok(!find("渡辺").includes(c.id));
    const outreach = listOutreachCasesForActor(actorFor("tobi.coord"), { page: 1, pageSize: 100, sort: "caseNo", dir: "asc" }, { q: "高野桜子" });
    assert.ok(outreach.rows.some((r) => r.id === o.id));
  });

  test("the start-up step encrypts identities still in plain text and keys them (rows from before migrations 0010 and 0015)", () => {
    const c = newCase({ familyName: "齋藤", givenName: "一", familyNameKana: "さいとう", givenNameKana: "はじめ" });
    const personId = personOfCase(c.id);
    // As a database from before encryption held it: plain text, plain kana key, no kanji keys, no tokens.
    getDb().run(sql`UPDATE person_identities SET family_name = '齋藤', given_name = '一', family_name_kana = 'さいとう', given_name_kana = 'はじめ', kana_key = 'サイトウハジメ', family_name_key = '', name_key = '' WHERE person_id = ${personId}`);
    getDb().run(sql`DELETE FROM person_name_tokens WHERE person_id = ${personId}`);
    assert.ok(encryptIdentities(getDb()).persons >= 1);
    const bizen = actorFor("bizen.coord");
    const find = (q: string) => listCasesForActor(bizen, { page: 1, pageSize: 100, sort: "caseNo", dir: "asc" }, { q }).rows.map((r) => r.id);
    const raw = getDb().get<{ f: string; k: string }>(sql`SELECT family_name AS f, name_key AS k FROM person_identities WHERE person_id = ${personId}`)!;
    assert.ok(raw.f.startsWith("v1:") && /^[0-9a-f]{64}$/.test(raw.k), "an envelope and an HMAC");
    assert.ok(find("斎藤").includes(c.id), "found by the kanji key");
    const list = listCasesForActor(bizen, { page: 1, pageSize: 100, sort: "caseNo", dir: "asc" }, { q: "はじめ" });
    assert.ok(list.rows.some((r) => r.id === c.id), "found by a prefix of the given name");
    assert.deepEqual(encryptIdentities(getDb()), { persons: 0, peers: 0, corrections: 0, personTokens: 0, peerTokens: 0, freeText: 0 }, "nothing left to do on the next start");
    // The demo persons were encrypted at seeding.
    assert.equal(getDb().all<{ n: number }>(sql`SELECT count(*) AS n FROM person_identities WHERE name_key = '' OR family_name NOT LIKE 'v1:%'`)[0]!.n, 0);
  });
});
