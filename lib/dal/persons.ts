import "server-only";
import { and, eq, exists, inArray, or, sql, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { ulid } from "ulid";
import type { z } from "zod";
import { getDb, type Tx } from "@/db/client";
import { cases, healthCenters, municipalities, outreachCases, personIdentities, personIdentityHistory, persons } from "@/db/schema";
import { can, type Permission } from "@/lib/auth/permissions";
import type { Phase } from "@/lib/domain/case-codes";
import { normalizeKana } from "@/lib/domain/kana";
import { nameKeys } from "@/lib/domain/name-key";
import { PERSON_VALUE_HIDDEN } from "@/lib/domain/person-correction";
import type { OutreachStatus } from "@/lib/domain/outreach-codes";
import type { PersonSchema } from "@/lib/validation/case";
import { PERSON_CORRECTION_FIELDS, type PersonCorrectionField, type PersonCorrectionInput } from "@/lib/validation/person";
import type { Actor } from "./actor";
import { diffFields, writeAudit } from "./audit";
import { staleSaveConflict } from "./conflicts";
import { AppError } from "./errors";
import { writePersonTokens } from "./name-tokens";
import { actorParams, placeholderActor, preparedFor } from "./prepared";
import { assertMunicipality } from "./org-checks";
import { caseGate, outreachGate } from "./record-gate";
import { inPrefecture, inReach, officesInReach } from "./scope";

/*
 * Persons (対象者) and their identities: the only module that writes `persons` and
 * `person_identities`, and the one rule for who sees a person (ADR 0024). A person is visible
 * to every office that holds one of their records (a discharge-support case or an outreach
 * case); `persons.office_id` only says which office registered them. Finding a person (the
 * duplicate check, the picker) is lib/dal/person-lookup.ts, on the helpers exported here.
 */

/** The form a person is looked up or registered for: it decides the permission needed. */
export type PersonPurpose = "case" | "outreach";

/** What each purpose needs (for the lookups in person-lookup.ts too). */
export const PURPOSES: Record<PersonPurpose, { permission: Permission; officeInvalid: string }> = {
  case: { permission: "write:case:reach", officeInvalid: "validation.case.officeInvalid" },
  outreach: { permission: "write:outreach:reach", officeInvalid: "outreach.validation.officeInvalid" },
};

export function requirePurpose(actor: Actor, purpose: PersonPurpose): void {
  if (!can(actor.role, PURPOSES[purpose].permission)) throw new AppError("not_found", "errors.notFound");
}

/** The identity of a new person as the forms send it (validated by PersonSchema). */
export type NewPerson = z.output<typeof PersonSchema>;

/** A discharge-support case or an outreach case of a person, at an office in the actor's reach. */
export type PersonRecord =
  | { kind: "case"; id: string; caseNo: string; officeName: string; phase: Phase }
  | { kind: "outreach"; id: string; caseNo: string; officeName: string; status: OutreachStatus };

/** A person the actor may see (one of their records is in reach), with those records only. */
export type KnownPerson = {
  personId: string;
  name: string;
  kana: string;
  birthYearMonth: string;
  /** Oldest first; records at offices outside reach are left out. */
  records: PersonRecord[];
};



// ---------------------------------------------------------------------------------------
// Who sees a person

/** `person` has a record (a case or an outreach case) at an office the actor reaches. */
export function personInReach(actor: Actor, personIdColumn: AnySQLiteColumn): SQL {
  const db = getDb();
  return or(
    exists(db.select({ one: sql`1` }).from(cases).where(and(eq(cases.personId, personIdColumn), caseGate.inReach(actor)))),
    exists(db.select({ one: sql`1` }).from(outreachCases).where(and(eq(outreachCases.personId, personIdColumn), outreachGate.inReach(actor)))),
  )!;
}

/** A person chosen on a form must be one the actor sees, or the form's person error. */
export function assertPersonInReach(actor: Actor, personId: string, messageKey = "outreach.validation.personInvalid"): string {
  const found = getDb()
    .select({ id: persons.id })
    .from(persons)
    .where(and(eq(persons.id, personId), inPrefecture(actor, persons.prefectureCode), personInReach(actor, persons.id)))
    .get();
  if (!found) throw new AppError("invalid", messageKey, { personId: messageKey });
  return found.id;
}

type RecordRow = { personId: string; kind: "case" | "outreach"; id: string; caseNo: string; officeId: string; officeName: string; officeSort: number; state: string; referralDate: string };

/** The columns a list of named persons reads (with persons joined to person_identities). */
export const NAMED_PERSON = {
  personId: persons.id,
  birthYearMonth: persons.birthYearMonth,
  familyName: personIdentities.familyName,
  givenName: personIdentities.givenName,
  familyNameKana: personIdentities.familyNameKana,
  givenNameKana: personIdentities.givenNameKana,
};

/** The two record tables a person can hold, read the same way. */
function recordRows(db: Pick<Tx, "select">, t: typeof cases | typeof outreachCases, state: AnySQLiteColumn, where: SQL) {
  return db
    .select({ personId: t.personId, id: t.id, caseNo: t.caseNo, officeId: t.officeId, officeName: healthCenters.name, officeSort: healthCenters.sort, state: sql<string>`${state}`, referralDate: t.referralDate })
    .from(t)
    .innerJoin(healthCenters, eq(healthCenters.id, t.officeId))
    .where(where);
}

/** A person's cases and outreach cases as one list, oldest first. */
function oldestFirst(caseRows: Omit<RecordRow, "kind">[], outreachRows: Omit<RecordRow, "kind">[]): RecordRow[] {
  return [...caseRows.map((r) => ({ ...r, kind: "case" as const })), ...outreachRows.map((r) => ({ ...r, kind: "outreach" as const }))].sort(
    (a, b) => a.referralDate.localeCompare(b.referralDate) || a.caseNo.localeCompare(b.caseNo),
  );
}

/** Every record of these persons, whatever the office: for the rule below, never returned as is. */
export function allRecordsOf(db: Pick<Tx, "select">, personIds: string[]): RecordRow[] {
  if (personIds.length === 0) return [];
  return oldestFirst(recordRows(db, cases, cases.phase, inArray(cases.personId, personIds)).all(), recordRows(db, outreachCases, outreachCases.status, inArray(outreachCases.personId, personIds)).all());
}

export function toPersonRecord(r: RecordRow): PersonRecord {
  return r.kind === "case"
    ? { kind: "case", id: r.id, caseNo: r.caseNo, officeName: r.officeName, phase: r.state as Phase }
    : { kind: "outreach", id: r.id, caseNo: r.caseNo, officeName: r.officeName, status: r.state as OutreachStatus };
}

export function reachOf(actor: Actor): Set<string> {
  return new Set(officesInReach(actor).all().map((o) => o.id));
}

/**
 * One person's records at offices in reach, oldest first: what recordsInReachOf gives for one
 * person, as two statements prepared once per role (a record page shows them on every visit, ADR 0057).
 */
export function recordsOfPersonInReach(actor: Actor, personId: string): PersonRecord[] {
  const q = preparedFor(getDb(), `person.recordsInReach.${actor.role}`, (db) => {
    const who = placeholderActor(actor.role);
    const ofPerson = (t: typeof cases | typeof outreachCases, state: AnySQLiteColumn) => recordRows(db, t, state, and(eq(t.personId, sql.placeholder("personId")), inReach(who, t.officeId))!).prepare();
    return { cases: ofPerson(cases, cases.phase), outreach: ofPerson(outreachCases, outreachCases.status) };
  });
  const params = { personId, ...actorParams(actor) };
  return oldestFirst(q.cases.all(params), q.outreach.all(params)).map(toPersonRecord);
}

/** The records of these persons at offices in reach, oldest first, per person. */
export function recordsInReachOf(actor: Actor, personIds: string[]): Map<string, PersonRecord[]> {
  const reach = reachOf(actor);
  const byPerson = new Map<string, PersonRecord[]>();
  for (const r of allRecordsOf(getDb(), personIds)) {
    if (reach.has(r.officeId)) byPerson.set(r.personId, [...(byPerson.get(r.personId) ?? []), toPersonRecord(r)]);
  }
  return byPerson;
}

// ---------------------------------------------------------------------------------------
// Create

export type PersonCard = {
  person: { id: string; birthYearMonth: string; sex: string; municipalityCode: string | null; municipalityName: string | null; registeredByOfficeName: string };
  identity: { familyName: string; givenName: string; familyNameKana: string; givenNameKana: string; dateOfBirth: string | null; phone: string | null; address: string | null };
};

/**
 * A person as a record's page shows them: the facts and the identity. Only for a record the
 * caller has already loaded through its gate with the identity permission (the page audits it).
 */
export function personCardOf(personId: string): PersonCard {
  const q = preparedFor(getDb(), "person.card", (db) => ({
    person: db
      .select({
        id: persons.id,
        birthYearMonth: persons.birthYearMonth,
        sex: persons.sex,
        municipalityCode: persons.municipalityCode,
        municipalityName: municipalities.name,
        registeredByOfficeName: healthCenters.name,
      })
      .from(persons)
      .innerJoin(healthCenters, eq(healthCenters.id, persons.officeId))
      .leftJoin(municipalities, eq(municipalities.code, persons.municipalityCode))
      .where(eq(persons.id, sql.placeholder("personId")))
      .prepare(),
    identity: db.select().from(personIdentities).where(eq(personIdentities.personId, sql.placeholder("personId"))).prepare(),
  }));
  const person = q.person.get({ personId })!;
  const i = q.identity.get({ personId })!;
  return {
    person,
    identity: {
      familyName: i.familyName,
      givenName: i.givenName,
      familyNameKana: i.familyNameKana,
      givenNameKana: i.givenNameKana,
      dateOfBirth: i.dateOfBirth,
      phone: i.phone,
      address: i.address,
    },
  };
}

/**
 * Register a person and their identity inside the caller's transaction (the record that makes
 * them visible is inserted in the same one). `officeId` is the registering office, already
 * checked to be in reach by the caller. Returns the new person's id.
 */
export function createPerson(tx: Tx, actor: Actor, officeId: string, p: NewPerson, now: string): string {
  assertMunicipality(actor, p.municipalityCode);
  const personId = ulid();
  tx.insert(persons)
    .values({
      id: personId,
      prefectureCode: actor.prefectureCode,
      officeId,
      // A date of birth, when typed, is the source of the month (the schema checked they agree).
      birthYearMonth: p.dateOfBirth ? p.dateOfBirth.slice(0, 7) : p.birthYearMonth,
      sex: p.sex,
      municipalityCode: p.municipalityCode,
      createdAt: now,
      updatedAt: now,
    })
    .run();
  tx.insert(personIdentities)
    .values({
      personId,
      familyName: p.familyName,
      givenName: p.givenName,
      familyNameKana: p.familyNameKana,
      givenNameKana: p.givenNameKana,
      kanaKey: normalizeKana(p.familyNameKana + p.givenNameKana),
      ...nameKeys(p),
      dateOfBirth: p.dateOfBirth,
      phone: p.phone,
      address: p.address,
      updatedAt: now,
    })
    .run();
  writePersonTokens(tx, personId, p);
  return personId;
}

/**
 * Write an identity back whole, as read (decrypted), through the column types: the values as
 * envelopes and the search keys and tokens as HMACs under the current key (ADR 0040). For the
 * start-up encryption of plain rows and for keys:rotate, inside the caller's transaction.
 */
export function rewritePersonIdentity(tx: Tx, i: typeof personIdentities.$inferSelect): void {
  tx.update(personIdentities)
    .set({
      familyName: i.familyName,
      givenName: i.givenName,
      familyNameKana: i.familyNameKana,
      givenNameKana: i.givenNameKana,
      kanaKey: normalizeKana(i.familyNameKana + i.givenNameKana),
      ...nameKeys(i),
      dateOfBirth: i.dateOfBirth,
      phone: i.phone,
      address: i.address,
    })
    .where(eq(personIdentities.personId, i.personId))
    .run();
  writePersonTokens(tx, i.personId, i);
}

// ---------------------------------------------------------------------------------------
// Correct (ADR 0028)

export type PersonCorrectionSource = PersonCorrectionInput["from"];
type PersonValues = Record<PersonCorrectionField, string | null>;

/** The gate and audit entity of the record page a correction is made from. */
const SOURCES = {
  case: { gate: caseGate, entityType: "case" },
  outreach: { gate: outreachGate, entityType: "outreach_case" },
} as const;

/** What the correction form is loaded with: the record it is made from, and the person's stored values. */
export type PersonForCorrection = {
  from: PersonCorrectionSource;
  recordId: string;
  caseNo: string;
  personId: string;
  version: number;
  values: PersonValues;
};

/**
 * The record (of the write permission of its page, with the identity permission) and its person,
 * who must be in reach: anything else is the not_found of a missing page.
 */
function loadForCorrection(actor: Actor, from: PersonCorrectionSource, recordId: string) {
  const { gate } = SOURCES[from];
  const row = gate.load(actor, recordId, "write");
  gate.require(actor, "read:identity:reach");
  const person = getDb()
    .select({ id: persons.id, version: persons.version })
    .from(persons)
    .where(and(eq(persons.id, row.personId), inPrefecture(actor, persons.prefectureCode), personInReach(actor, persons.id)))
    .get();
  if (!person) throw new AppError("not_found", "errors.notFound");
  return { row, person };
}

function storedValuesOf(db: Pick<Tx, "select">, personId: string): PersonValues {
  const v = db
    .select({
      familyName: personIdentities.familyName,
      givenName: personIdentities.givenName,
      familyNameKana: personIdentities.familyNameKana,
      givenNameKana: personIdentities.givenNameKana,
      dateOfBirth: personIdentities.dateOfBirth,
      birthYearMonth: persons.birthYearMonth,
      sex: persons.sex,
      municipalityCode: persons.municipalityCode,
      phone: personIdentities.phone,
      address: personIdentities.address,
    })
    .from(persons)
    .innerJoin(personIdentities, eq(personIdentities.personId, persons.id))
    .where(eq(persons.id, personId))
    .get()!;
  return Object.fromEntries(PERSON_CORRECTION_FIELDS.map((f) => [f, v[f]])) as PersonValues;
}

/** The person of a record, for the correction form of that record's page. The view of their identity is audited on the record. */
export function getPersonForCorrection(actor: Actor, from: PersonCorrectionSource, recordId: string): PersonForCorrection {
  const { row, person } = loadForCorrection(actor, from, recordId);
  const values = storedValuesOf(getDb(), person.id);
  SOURCES[from].gate.viewed(actor, row.id, { caseNo: row.caseNo, identity: true, personForm: true });
  return { from, recordId: row.id, caseNo: row.caseNo, personId: person.id, version: person.version, values };
}

/**
 * Correct a person's identity and pseudonymous facts from the page of one of their records.
 * Allowed with the write permission of that page and the identity permission, the record and the
 * person in reach. A stale version saves nothing and reports what someone else changed since the
 * form was loaded. In one transaction: the person and identity (and the search keys), one row of
 * person_identity_history with the old and new values, and an audit row on **every** record of
 * the person (any office: the holding office's history shows that the person was corrected and
 * by whom) that names the changed fields, never their values. Returns the fields changed.
 */
export function correctPerson(actor: Actor, input: PersonCorrectionInput): PersonCorrectionField[] {
  const { row, person } = loadForCorrection(actor, input.from, input.recordId);
  const db = getDb();
  const current = storedValuesOf(db, person.id);
  if (person.version !== input.version) throw staleSaveConflict(input.base, current);
  assertMunicipality(actor, input.municipalityCode);
  const next: PersonValues = {
    familyName: input.familyName,
    givenName: input.givenName,
    familyNameKana: input.familyNameKana,
    givenNameKana: input.givenNameKana,
    dateOfBirth: input.dateOfBirth,
    // A date of birth, when typed, is the source of the month (the schema checked they agree).
    birthYearMonth: input.dateOfBirth ? input.dateOfBirth.slice(0, 7) : input.birthYearMonth,
    sex: input.sex,
    municipalityCode: input.municipalityCode,
    phone: input.phone,
    address: input.address,
  };
  const changes = diffFields(current, next);
  const changed = PERSON_CORRECTION_FIELDS.filter((f) => f in changes);
  if (changed.length === 0) return [];
  const now = new Date().toISOString();
  db.transaction((tx) => {
    const moved = tx
      .update(persons)
      .set({ birthYearMonth: next.birthYearMonth!, sex: next.sex as NewPerson["sex"], municipalityCode: next.municipalityCode, version: person.version + 1, updatedAt: now })
      .where(and(eq(persons.id, person.id), eq(persons.version, input.version)))
      .run();
    if (moved.changes === 0) throw staleSaveConflict(input.base, storedValuesOf(tx, person.id));
    tx.update(personIdentities)
      .set({
        familyName: next.familyName!,
        givenName: next.givenName!,
        familyNameKana: next.familyNameKana!,
        givenNameKana: next.givenNameKana!,
        kanaKey: normalizeKana(next.familyNameKana! + next.givenNameKana!),
        ...nameKeys({ familyName: next.familyName!, givenName: next.givenName! }),
        dateOfBirth: next.dateOfBirth,
        phone: next.phone,
        address: next.address,
        updatedAt: now,
      })
      .where(eq(personIdentities.personId, person.id))
      .run();
    writePersonTokens(tx, person.id, { familyNameKana: next.familyNameKana!, givenNameKana: next.givenNameKana! });
    const historyId = ulid();
    tx.insert(personIdentityHistory)
      .values({
        id: historyId,
        personId: person.id,
        at: now,
        changedBy: actor.id,
        fromEntityType: SOURCES[input.from].entityType,
        fromEntityId: row.id,
        changes: JSON.stringify(Object.fromEntries(changed.map((f) => [f, changes[f]]))),
      })
      .run();
    // The fields, not their values: the trail joins the history for viewers who may read identities.
    const hidden = Object.fromEntries(changed.map((f) => [f, [PERSON_VALUE_HIDDEN, PERSON_VALUE_HIDDEN]]));
    for (const r of allRecordsOf(tx, [person.id])) {
      writeAudit(tx, actor, {
        action: "update",
        entityType: r.kind === "case" ? "case" : "outreach_case",
        entityId: r.id,
        detail: { record: "person", personHistoryId: historyId, changes: hidden, from: SOURCES[input.from].entityType, fromOfficeId: row.officeId },
      });
    }
  });
  return changed;
}
