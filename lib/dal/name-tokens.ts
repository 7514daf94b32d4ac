import "server-only";
import { and, eq, exists, sql, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { getDb, type Tx } from "@/db/client";
import { peerNameTokens, personNameTokens } from "@/db/schema";
import { kanaPrefixes } from "@/lib/crypto/search-keys";
import { normalizeKana } from "@/lib/domain/kana";

/*
 * Prefix search by kana over encrypted identities (ADR 0040). The names are envelopes, so SQL can
 * no longer LIKE them; instead every normalised prefix of the family name's kana, the given name's
 * and the whole name's is stored as an HMAC (the token column's type hashes it), and a search
 * asks for the token of the normalised query. The one writer of both token tables.
 */

type Kana = { familyNameKana: string; givenNameKana: string };

/** Replace the tokens of a person (inside the caller's transaction). */
export function writePersonTokens(tx: Pick<Tx, "insert" | "delete">, personId: string, k: Kana): void {
  tx.delete(personNameTokens).where(eq(personNameTokens.personId, personId)).run();
  const rows = kanaPrefixes(k).map((token) => ({ personId, token }));
  if (rows.length > 0) tx.insert(personNameTokens).values(rows).onConflictDoNothing().run();
}

/** Replace the tokens of a peer supporter (inside the caller's transaction). */
export function writePeerTokens(tx: Pick<Tx, "insert" | "delete">, peerId: string, k: Kana): void {
  tx.delete(peerNameTokens).where(eq(peerNameTokens.peerId, peerId)).run();
  const rows = kanaPrefixes(k).map((token) => ({ peerId, token }));
  if (rows.length > 0) tx.insert(peerNameTokens).values(rows).onConflictDoNothing().run();
}

/** The person's kana (family, given or whole name) begins with `q` (any kana form); undefined when q holds no kana. */
export function personKanaStartsWith(personIdColumn: AnySQLiteColumn, q: string): SQL | undefined {
  const key = normalizeKana(q);
  if (!key) return undefined;
  // Probed per row of the scope (the primary key person_id + token), not the token's persons first:
  // a two-kana prefix such as たか names tens of thousands of persons in a national database, the
  // scope a few hundred (issue 14: 300 ms → a few ms).
  return exists(getDb().select({ one: sql`1` }).from(personNameTokens).where(and(eq(personNameTokens.personId, personIdColumn), eq(personNameTokens.token, key))));
}

/** The same for a peer supporter. */
export function peerKanaStartsWith(peerIdColumn: AnySQLiteColumn, q: string): SQL | undefined {
  const key = normalizeKana(q);
  if (!key) return undefined;
  return exists(getDb().select({ one: sql`1` }).from(peerNameTokens).where(and(eq(peerNameTokens.peerId, peerIdColumn), eq(peerNameTokens.token, key))));
}
