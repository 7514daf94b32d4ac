import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { and, count, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLogs, users } from "@/db/schema";
import { createCase, listCaseAuditForActor } from "@/lib/dal/cases";
import { nextNumber } from "@/lib/dal/number-sequences";
import { createOutreachCase, listOutreachAuditForActor } from "@/lib/dal/outreach";
import { DEFAULT_PERSON_CHECKS_PER_HOUR, findPersonMatchesForActor, personChecksPerHour, searchPersonsForActor, type PersonCheckQuery } from "@/lib/dal/person-lookup";
import { CaseCreateSchema } from "@/lib/validation/case";
import { OutreachCreateSchema } from "@/lib/validation/outreach";
import { thrown } from "../helpers/dal-asserts";
import { hospitalOf } from "../helpers/indicator-fixtures";
import { actorFor, seededDb } from "../helpers/test-db";
import { detailOf } from "../helpers/audit-detail";

/*
 * The one rule of ADR 0024: a person is visible to every office holding one of their records;
 * the duplicate check names a person only within that rule, says no more than an office's name
 * outside it, is audited on every matched record, throttled per user, and runs only for an
 * office in reach.
 */

const userId = (username: string) => getDb().select().from(users).where(eq(users.username, username)).get()!.id;

/** A new person with a case at 備前保健所 (or another office), registered through the real DAL. */
function newCase(kana: [string, string], birthYearMonth: string, o: { username?: string; officeId?: string; givenName?: string } = {}) {
  const username = o.username ?? "bizen.coord";
  return createCase(
    actorFor(username),
    CaseCreateSchema.parse({
      familyName: "照合",
      givenName: o.givenName ?? "太郎",
      familyNameKana: kana[0],
      givenNameKana: kana[1],
      dateOfBirth: "",
      birthYearMonth,
      sex: "male",
      municipalityCode: "",
      phone: "",
      address: "",
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
      coordinatorUserId: userId(username),
      officeId: o.officeId ?? "33-bizen",
    }),
  );
}

/** An outreach case for a person already known, at `officeId`, led by `lead`. */
function outreachFor(username: string, personId: string, officeId: string, lead: string) {
  return createOutreachCase(
    actorFor(username),
    OutreachCreateSchema.parse({
      officeId,
      coordinatorUserId: userId(lead),
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

function check(username: string, q: Partial<PersonCheckQuery> & Pick<PersonCheckQuery, "kana" | "birthYearMonth">, checksPerHour = 1000) {
  return findPersonMatchesForActor(actorFor(username), { purpose: "case", officeId: "33-bizen", ...q }, { checksPerHour });
}

/** Audit rows a user wrote on records because of a duplicate check. */
function recordViewsBy(username: string): { entityType: string; entityId: string | null; detail: Record<string, unknown> }[] {
  return getDb()
    .select({ entityType: auditLogs.entityType, entityId: auditLogs.entityId, detail: auditLogs.detail })
    .from(auditLogs)
    .where(and(eq(auditLogs.actorUsername, username), sql`json_extract(${auditLogs.detail}, '$.duplicateCheck') = 1`))
    .all()
    .map((r) => ({ ...r, detail: detailOf(r) as Record<string, unknown> }));
}

const auditRowCount = () => (getDb().select({ n: count() }).from(auditLogs).all() as [{ n: number }])[0].n;

before(async () => {
  await seededDb();
});

describe("who sees a person", () => {
  test("in reach: the name and the records there; out of reach: only the office's name, once per office", () => {
    const first = newCase(["しょうごう", "いち"], "1961-01", { givenName: "一" });
    const second = newCase(["しょうごう", "いち"], "1961-01", { givenName: "二" });

    const own = check("bizen.coord", { kana: "ショウゴウ イチ", birthYearMonth: "1961-01" });
    assert.deepEqual(own.elsewhere, []);
    assert.deepEqual(own.known.map((p) => p.name).sort(), ["照合 一", "照合 二"]);
    const records = own.known.flatMap((p) => p.records);
    assert.deepEqual(records.map((r) => r.caseNo).sort(), [first.caseNo, second.caseNo].sort());
    assert.ok(records.every((r) => r.kind === "case" && r.phase === "identified" && r.officeName === "備前保健所"));

    const other = check("mimasaka.coord", { officeId: "33-mimasaka", kana: "しょうごういち", birthYearMonth: "1961-01" });
    assert.deepEqual(other, { known: [], elsewhere: [{ officeName: "備前保健所" }] });
    const said = JSON.stringify(other);
    for (const secret of [first.caseNo, second.caseNo, "照合", "identified", "2024"]) assert.ok(!said.includes(secret), secret);

    // Another prefecture: nothing at all.
    assert.deepEqual(check("ube.coord", { officeId: "35-ube", kana: "しょうごういち", birthYearMonth: "1961-01" }), { known: [], elsewhere: [] });
  });

  test("an office holding only an outreach case of the person sees them, with its own records only", () => {
    const c = newCase(["しょうごう", "にい"], "1962-02");
    const personId = personOfCase(c.id);
    // 東備支所 does not see the 備前 case's person yet.
    const beforeReferral = check("tobi.coord", { officeId: "33-tobi", kana: "しょうごうにい", birthYearMonth: "1962-02" });
    assert.deepEqual(beforeReferral, { known: [], elsewhere: [{ officeName: "備前保健所" }] });
    assert.throws(() => outreachFor("tobi.coord", personId, "33-tobi", "tobi.coord"), { messageKey: "outreach.validation.personInvalid" });

    // The supervisor of 備前 and its branch refers the person to outreach from 東備支所.
    const o = outreachFor("bizen.sup", personId, "33-tobi", "tobi.coord");
    const after = check("tobi.coord", { officeId: "33-tobi", kana: "しょうごうにい", birthYearMonth: "1962-02" });
    assert.equal(after.known.length, 1);
    assert.equal(after.known[0]!.personId, personId);
    assert.deepEqual(after.known[0]!.records, [{ kind: "outreach", id: o.id, caseNo: o.caseNo, officeName: "備前保健所東備支所", status: "referred" }]);
    assert.deepEqual(after.elsewhere, [], "the person is known: the 備前 record is neither shown nor hinted at");
    // The same rule opens the picker and a new record for the person at 東備支所.
    assert.deepEqual(searchPersonsForActor(actorFor("tobi.coord"), "outreach", "しょうごうにい").map((p) => p.personId), [personId]);
    assert.ok(outreachFor("tobi.coord", personId, "33-tobi", "tobi.coord").id);
    // 美作 still holds nothing of the person: the picker does not find them.
    assert.deepEqual(searchPersonsForActor(actorFor("mimasaka.coord"), "outreach", "しょうごうにい"), []);
  });
});

describe("every check is audited", () => {
  test("the holding office's supervisor sees the check in the matched record's 閲覧・変更履歴", () => {
    const c = newCase(["しょうごう", "さん"], "1963-03");
    const o = outreachFor("bizen.coord", personOfCase(c.id), "33-bizen", "bizen.coord");
    check("mimasaka.coord", { officeId: "33-mimasaka", kana: "しょうごうさん", birthYearMonth: "1963-03" });

    const caseTrail = listCaseAuditForActor(actorFor("bizen.sup"), c.id).rows;
    const seen = caseTrail.find((r) => r.actorUsername === "mimasaka.coord");
    assert.ok(seen, "the check is in the case's trail");
    assert.equal(seen.action, "view");
    assert.deepEqual(detailOf(seen), { duplicateCheck: true, byOfficeId: "33-mimasaka", shown: "office_name" });
    const outreachTrail = listOutreachAuditForActor(actorFor("bizen.sup"), o.id).rows;
    assert.ok(outreachTrail.some((r) => r.actorUsername === "mimasaka.coord" && r.action === "view" && detailOf(r).duplicateCheck === true));

    // One row for the check itself, which keeps no identity value.
    const checkRow = getDb()
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.actorUsername, "mimasaka.coord"), eq(auditLogs.entityType, "person_duplicate_check")))
      .orderBy(sql`rowid DESC`)
      .get()!;
    const detail = detailOf(checkRow);
    assert.equal(detail.byOfficeId, "33-mimasaka");
    assert.deepEqual(detail.elsewhereOfficeIds, ["33-bizen"]);
    assert.deepEqual(detail.shownPersonIds, []);
    assert.ok(!checkRow.detail!.includes("ショウゴウ") && !checkRow.detail!.includes("しょうごう"), "the kana typed is not logged");
  });

  test("a check that finds nobody is audited too; a check in reach marks the records it showed", () => {
    const rows = auditRowCount();
    assert.deepEqual(check("bizen.coord", { kana: "だれもいない", birthYearMonth: "1900-01" }), { known: [], elsewhere: [] });
    assert.equal(auditRowCount(), rows + 1);

    const c = newCase(["しょうごう", "よん"], "1964-04");
    check("bizen.coord", { kana: "しょうごうよん", birthYearMonth: "1964-04" });
    assert.ok(recordViewsBy("bizen.coord").some((r) => r.entityType === "case" && r.entityId === c.id && r.detail.shown === "record"));
  });
});

describe("the throttle", () => {
  const saved = process.env.TSUNAGU_PERSON_CHECKS_PER_HOUR;
  after(() => {
    if (saved === undefined) delete process.env.TSUNAGU_PERSON_CHECKS_PER_HOUR;
    else process.env.TSUNAGU_PERSON_CHECKS_PER_HOUR = saved;
  });

  test("the N+1st check within an hour is refused and looks nothing up; refusals do not extend the lock", () => {
    const c = newCase(["しょうごう", "ご"], "1965-05");
    const q = { kana: "しょうごうご", birthYearMonth: "1965-05" };
    for (let i = 0; i < 3; i++) assert.equal(check("bizen.coord2", q, 3).known.length, 1);
    const viewsBefore = recordViewsBy("bizen.coord2").length;
    assert.equal(viewsBefore, 3);

    const refused = thrown(() => check("bizen.coord2", q, 3));
    assert.equal(refused.messageKey, "validation.person.checkLimit");
    assert.equal(recordViewsBy("bizen.coord2").length, viewsBefore, "no record was looked at");
    // Another user is not affected.
    assert.equal(check("bizen.sup", q, 3).known[0]!.records[0]!.id, c.id);
    // The refused attempt is logged but does not count: one more is allowed under a limit of 4.
    assert.equal(check("bizen.coord2", q, 4).known.length, 1);
    assert.equal(thrown(() => check("bizen.coord2", q, 4)).messageKey, "validation.person.checkLimit");
  });

  test("the limit comes from TSUNAGU_PERSON_CHECKS_PER_HOUR, read at each call", () => {
    // 備中's coordinator has run no check in this file.
    const q: PersonCheckQuery = { purpose: "case", officeId: "33-bitchu", kana: "しょうごうろく", birthYearMonth: "1966-06" };
    const actor = actorFor("bitchu.coord");
    process.env.TSUNAGU_PERSON_CHECKS_PER_HOUR = "1";
    assert.deepEqual(findPersonMatchesForActor(actor, q), { known: [], elsewhere: [] });
    assert.equal(thrown(() => findPersonMatchesForActor(actor, q)).messageKey, "validation.person.checkLimit");
    process.env.TSUNAGU_PERSON_CHECKS_PER_HOUR = "500";
    assert.deepEqual(findPersonMatchesForActor(actor, q), { known: [], elsewhere: [] });

    for (const bad of ["", "0", "-3", "abc", "1.5"]) {
      process.env.TSUNAGU_PERSON_CHECKS_PER_HOUR = bad;
      assert.equal(personChecksPerHour(), DEFAULT_PERSON_CHECKS_PER_HOUR, JSON.stringify(bad));
    }
    delete process.env.TSUNAGU_PERSON_CHECKS_PER_HOUR;
    assert.equal(personChecksPerHour(), 60);
  });
});

describe("the office comes first", () => {
  test("an office out of reach is the office field's error, before any lookup or audit row", () => {
    newCase(["しょうごう", "なな"], "1967-07");
    const q = { kana: "しょうごうなな", birthYearMonth: "1967-07" };
    const rows = auditRowCount();
    const asCase = thrown(() => check("mimasaka.coord", { ...q, officeId: "33-bizen" }));
    assert.deepEqual([asCase.code, asCase.fieldErrors.officeId], ["invalid", "validation.case.officeInvalid"]);
    const asOutreach = thrown(() => check("mimasaka.coord", { ...q, purpose: "outreach", officeId: "33-bizen" }));
    assert.equal(asOutreach.fieldErrors.officeId, "outreach.validation.officeInvalid");
    // Another prefecture's office, and even with the throttle already at its limit: the office error.
    assert.equal(thrown(() => check("bizen.coord", { ...q, officeId: "35-ube" }, 0)).fieldErrors.officeId, "validation.case.officeInvalid");
    assert.equal(auditRowCount(), rows, "nothing was looked up, nothing audited");
    assert.deepEqual(recordViewsBy("mimasaka.coord").filter((r) => r.detail.byOfficeId === "33-bizen"), []);
    // A role without case work is refused like a missing page.
    assert.equal(thrown(() => check("okayama.pref", q)).code, "not_found");
  });
});

describe("one owner", () => {
  test("only persons.ts writes persons and person_identities", () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.tsx?$/.test(entry.name) && /\.(insert|update|delete)\((persons|personIdentities)\b/.test(fs.readFileSync(file, "utf8"))) offenders.push(file);
      }
    };
    for (const dir of ["lib", "app", "components"]) walk(path.join(process.cwd(), dir));
    assert.deepEqual(offenders, [path.join(process.cwd(), "lib", "dal", "persons.ts")]);
  });

  test("number sequences count per office, fiscal year and kind, from 1", () => {
    const drawn = getDb().transaction((tx) => [
      nextNumber(tx, "case", "33-mimasaka", 2041),
      nextNumber(tx, "case", "33-mimasaka", 2041),
      nextNumber(tx, "outreach", "33-mimasaka", 2041),
      nextNumber(tx, "case", "33-mimasaka", 2042),
      nextNumber(tx, "case", "33-tobi", 2041),
    ]);
    assert.deepEqual(drawn, [1, 2, 1, 1, 1]);
  });
});
