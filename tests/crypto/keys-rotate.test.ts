import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import { auditChainOf, getDb } from "@/db/client";
import { auditLogs, dataKeys, peerIdentities, personIdentities } from "@/db/schema";
import { deriveDataKey, envelopeKeyId, keyring } from "@/lib/crypto/keyring";
import { rotateDataKey } from "@/lib/crypto/rotate";
import { readAuditDetail } from "@/lib/dal/audit";
import { verifyAuditChain } from "@/lib/dal/audit-chain";
import { listCasesForActor } from "@/lib/dal/case-list";
import { listPeersForActor } from "@/lib/dal/peers";
import { actorFor, seededDb } from "../helpers/test-db";

/*
 * keys:rotate (ADR 0040): every envelope and hash under the new key, the old key kept wrapped, the
 * audit rows untouched and still readable, searches still working, the chain intact.
 */

const page = { page: 1, pageSize: 100, sort: "caseNo", dir: "asc" } as const;

before(async () => {
  await seededDb();
});

describe("keys:rotate", () => {
  test("re-encrypts every identity, token and free text under the new key; the audit log stays as written and readable", () => {
    const db = getDb();
    const sup = actorFor("bizen.sup");
    const person = db.select().from(personIdentities).get()!;
    const peer = db.select().from(peerIdentities).get()!;
    // A list search before the rotation: its q is sealed under the old key.
    listCasesForActor(sup, page, { q: person.givenNameKana });
    const searchRow = db.select().from(auditLogs).where(eq(auditLogs.entityType, "case_list")).orderBy(desc(auditLogs.chainSeq)).get()!;
    const auditBefore = db.all(sql`SELECT id, detail, chain_hash FROM audit_logs ORDER BY chain_seq`);
    const oldId = keyring().current.id;
    const foundBefore = listCasesForActor(sup, page, { q: person.givenNameKana }).rows.map((r) => r.id);

    const raw = crypto.randomBytes(32);
    const report = rotateDataKey(db, raw);
    assert.equal(report.to, deriveDataKey(raw).id);
    assert.equal(report.from, oldId);
    assert.ok(report.persons > 100 && report.peers > 10 && report.freeText > 100, JSON.stringify(report));

    // Every envelope is under the new key, and reads back the same.
    const stored = db.all<{ f: string; dob: string | null }>(sql`SELECT family_name AS f, date_of_birth AS dob FROM person_identities`);
    assert.ok(stored.every((r) => envelopeKeyId(r.f) === report.to && (r.dob === null || envelopeKeyId(r.dob) === report.to)));
    const summaries = db.all<{ v: string }>(sql`SELECT summary AS v FROM case_activities WHERE summary IS NOT NULL`);
    assert.ok(summaries.length > 0 && summaries.every((r) => envelopeKeyId(r.v) === report.to));
    assert.equal(db.select().from(personIdentities).where(eq(personIdentities.personId, person.personId)).get()!.familyName, person.familyName);

    // The keys: the new one current, the old one retired and wrapped under the new one.
    const keys = db.select().from(dataKeys).all();
    assert.deepEqual(keys.map((k) => [k.id, k.state]).sort(), [[oldId, "retired"], [report.to, "current"]].sort());
    const wrapped = keys.find((k) => k.id === oldId)!.wrapped!;
    assert.equal(envelopeKeyId(wrapped), report.to);

    // Searches by kana prefix, kanji and the duplicate key work with the new hashes.
    assert.deepEqual(listCasesForActor(sup, page, { q: person.givenNameKana }).rows.map((r) => r.id), foundBefore);
    assert.ok(listCasesForActor(sup, page, { q: person.familyName }).total > 0);
    assert.equal(db.select().from(personIdentities).where(and(eq(personIdentities.personId, person.personId), eq(personIdentities.kanaKey, (person.familyNameKana + person.givenNameKana).replace(/\s/g, "")))).all().length, 1);
    assert.ok(listPeersForActor(actorFor("bizen.coord"), { page: 1, pageSize: 100, sort: "kana", dir: "asc" }, { q: peer.familyNameKana }).total >= 0);

    // Audit rows are never rewritten (new rows are only appended: the rotation's, the searches'); the old sealed detail reads through the retired key.
    const auditAfter = db.all(sql`SELECT id, detail, chain_hash FROM audit_logs ORDER BY chain_seq`);
    assert.deepEqual(auditAfter.slice(0, auditBefore.length), auditBefore);
    assert.equal(db.select().from(auditLogs).where(eq(auditLogs.entityType, "data_key")).all().length, 1, "the rotation is audited");
    assert.equal(envelopeKeyId(JSON.parse(searchRow.detail!).sealed), oldId);
    assert.equal((readAuditDetail(searchRow)!.filter as { q: string }).q, person.givenNameKana);
    const { sqlite, chain } = auditChainOf(db);
    assert.equal(verifyAuditChain(sqlite, chain).ok, true);
  });

  test("a rotation to the current key is refused and changes nothing", () => {
    assert.throws(() => rotateDataKey(getDb(), keyring().current.raw), /current key/);
    assert.equal(getDb().select().from(dataKeys).where(eq(dataKeys.state, "current")).all().length, 1);
  });
});
