import "server-only";
import { eq, getTableName, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { dataKeys, peerIdentities, personIdentities, personIdentityHistory } from "@/db/schema";
import { encryptedColumnsOf, FREE_TEXT_TABLES } from "@/db/seed/encrypt-identities";
import { SYSTEM_ACTOR, writeAudit } from "@/lib/dal/audit";
import { rewritePeerIdentity } from "@/lib/dal/peers";
import { rewritePersonIdentity } from "@/lib/dal/persons";
import { deriveDataKey, installKeyring, keyring, Keyring } from "./keyring";

/*
 * Key rotation (ADR 0040, `npm run keys:rotate`): a new data key becomes current; the old one is
 * kept in data_keys wrapped under the new one (and the older retired keys re-wrapped), and every
 * encrypted column and search hash is rewritten under the new key, all in one transaction. Audit
 * rows are never rewritten: their sealed detail stays readable through the retired key.
 */

export type RotationReport = { from: string; to: string; persons: number; peers: number; corrections: number; freeText: number };

/** Rotate the database's data key to `newRaw` (32 bytes). The caller stores the new key (file or environment) once this returns. */
export function rotateDataKey(db: Db, newRaw: Buffer): RotationReport {
  const before = keyring();
  const next = deriveDataKey(newRaw);
  if (next.id === before.current.id) throw new Error("The new key is the current key.");
  const now = new Date().toISOString();
  const after = new Keyring(next, [before.current, ...before.retired()]);
  // The column types use the process's keyring: the new one for the whole transaction (it still reads the old envelopes).
  installKeyring(after);
  try {
    return db.transaction((tx) => {
      for (const r of tx.select().from(dataKeys).all()) {
        if (r.state === "retired" && r.wrapped) tx.update(dataKeys).set({ wrapped: after.encrypt(before.decrypt(r.wrapped)) }).where(eq(dataKeys.id, r.id)).run();
      }
      tx.update(dataKeys).set({ state: "retired", wrapped: after.encrypt(before.current.raw.toString("hex")), retiredAt: now }).where(eq(dataKeys.id, before.current.id)).run();
      tx.insert(dataKeys).values({ id: next.id, state: "current", wrapped: null, createdAt: now }).run();

      const persons = tx.select().from(personIdentities).all();
      for (const i of persons) {
        rewritePersonIdentity(tx, i);
      }
      const peers = tx.select().from(peerIdentities).all();
      for (const i of peers) {
        rewritePeerIdentity(tx, i);
      }
      const corrections = tx.select({ id: personIdentityHistory.id, changes: personIdentityHistory.changes }).from(personIdentityHistory).all();
      for (const h of corrections) tx.update(personIdentityHistory).set({ changes: h.changes }).where(eq(personIdentityHistory.id, h.id)).run();
      let freeText = 0;
      for (const table of FREE_TEXT_TABLES) {
        const name = getTableName(table);
        for (const column of encryptedColumnsOf(table)) {
          const rows = tx.all<{ id: string; v: string }>(sql.raw(`SELECT id, "${column.name}" AS v FROM "${name}" WHERE "${column.name}" IS NOT NULL`));
          for (const r of rows) tx.run(sql`UPDATE ${sql.identifier(name)} SET ${sql.identifier(column.name)} = ${column.mapToDriverValue(after.decrypt(r.v)) as string} WHERE id = ${r.id}`);
          freeText += rows.length;
        }
      }
      const report = { from: before.current.id, to: next.id, persons: persons.length, peers: peers.length, corrections: corrections.length, freeText };
      writeAudit(tx, SYSTEM_ACTOR, { action: "update", entityType: "data_key", entityId: next.id, detail: { event: "rotate", ...report } });
      return report;
    });
  } catch (e) {
    installKeyring(before);
    throw e;
  }
}
