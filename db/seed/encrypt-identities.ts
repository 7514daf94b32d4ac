import "server-only";
import { eq, notExists, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { getTableColumns, getTableName } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import {
  caseActivities,
  casePhaseEvents,
  caseTransfers,
  followUpChecks,
  outreachContacts,
  outreachOutcomes,
  peerDispatches,
  peerIdentities,
  peerNameTokens,
  personIdentities,
  personIdentityHistory,
  personNameTokens,
} from "@/db/schema";
import { writePeerTokens, writePersonTokens } from "@/lib/dal/name-tokens";
import { rewritePeerIdentity } from "@/lib/dal/peers";
import { rewritePersonIdentity } from "@/lib/dal/persons";

/*
 * The start-up step of encryption at rest (ADR 0040), run by prepareDatabase at every start after
 * the demo seeders. Idempotent, each part reading only the rows it has to change:
 *
 * - identities still in plain text (a database from before migration 0015: a stored value
 *   without the `v1:` prefix) or without kanji keys (before migration 0010) are rewritten whole
 *   through the column types, so the names become envelopes and the search keys HMACs;
 * - corrections' old and new values (person_identity_history.changes) likewise;
 * - persons and peers without prefix tokens (those the seeders inserted, and the above) get them.
 *
 * The seeders themselves write through drizzle, so their values are encrypted by the column types.
 */

const plain = (column: typeof personIdentities.familyName | typeof peerIdentities.familyName | typeof personIdentityHistory.changes) => sql`${column} NOT LIKE 'v1:%'`;

export type EncryptedCounts = { persons: number; peers: number; corrections: number; personTokens: number; peerTokens: number; freeText: number };

/** The free text of case and outreach records (and the peer dispatch report, the transfer's reasons): encrypted columns keyed by `id`. */
export const FREE_TEXT_TABLES: SQLiteTable[] = [casePhaseEvents, caseActivities, followUpChecks, outreachContacts, outreachOutcomes, peerDispatches, caseTransfers];

/** The encrypted columns of a table (those of the encryptedText column type). */
export function encryptedColumnsOf(table: SQLiteTable): SQLiteColumn[] {
  // The free-text tables have no column of the other custom type (hashedText).
  return Object.values(getTableColumns(table) as Record<string, SQLiteColumn>).filter((c) => c.columnType === "SQLiteCustomColumn");
}

/** Rewrite the plain values of the free-text columns as envelopes (raw SQL: the column types would read them as they are). */
function encryptFreeText(db: Db): number {
  let n = 0;
  for (const table of FREE_TEXT_TABLES) {
    const name = getTableName(table);
    for (const column of encryptedColumnsOf(table)) {
      const rows = db.all<{ id: string; v: string }>(sql.raw(`SELECT id, "${column.name}" AS v FROM "${name}" WHERE "${column.name}" IS NOT NULL AND "${column.name}" NOT LIKE 'v1:%'`));
      for (const r of rows) db.run(sql`UPDATE ${sql.identifier(name)} SET ${sql.identifier(column.name)} = ${column.mapToDriverValue(r.v) as string} WHERE id = ${r.id}`);
      n += rows.length;
    }
  }
  return n;
}

export function encryptIdentities(db: Db): EncryptedCounts {
  const persons = db.select().from(personIdentities).where(or(plain(personIdentities.familyName), eq(personIdentities.nameKey, ""))).all();
  const peers = db.select().from(peerIdentities).where(plain(peerIdentities.familyName)).all();
  const corrections = db.select({ id: personIdentityHistory.id, changes: personIdentityHistory.changes }).from(personIdentityHistory).where(plain(personIdentityHistory.changes)).all();
  const personsWithoutTokens = db
    .select({ personId: personIdentities.personId, familyNameKana: personIdentities.familyNameKana, givenNameKana: personIdentities.givenNameKana })
    .from(personIdentities)
    .where(notExists(db.select({ one: sql`1` }).from(personNameTokens).where(eq(personNameTokens.personId, personIdentities.personId))))
    .all();
  const peersWithoutTokens = db
    .select({ peerId: peerIdentities.peerId, familyNameKana: peerIdentities.familyNameKana, givenNameKana: peerIdentities.givenNameKana })
    .from(peerIdentities)
    .where(notExists(db.select({ one: sql`1` }).from(peerNameTokens).where(eq(peerNameTokens.peerId, peerIdentities.peerId))))
    .all();
  const counts = { persons: persons.length, peers: peers.length, corrections: corrections.length, personTokens: personsWithoutTokens.length, peerTokens: peersWithoutTokens.length, freeText: 0 };
  db.transaction(() => {
    counts.freeText = encryptFreeText(db);
  });
  if (Object.values(counts).every((n) => n === 0)) return counts;
  db.transaction((tx) => {
    for (const i of persons) {
      rewritePersonIdentity(tx, i);
    }
    for (const i of peers) {
      rewritePeerIdentity(tx, i);
    }
    for (const h of corrections) tx.update(personIdentityHistory).set({ changes: h.changes }).where(eq(personIdentityHistory.id, h.id)).run();
    for (const p of personsWithoutTokens) writePersonTokens(tx, p.personId, p);
    for (const p of peersWithoutTokens) writePeerTokens(tx, p.peerId, p);
  });
  return counts;
}
