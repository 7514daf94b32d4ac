import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { personIdentities } from "@/db/schema";
import { nameKeys } from "@/lib/domain/name-key";

/**
 * Fill the kanji-name keys of identities that have none (ADR 0028): those that existed before
 * migration 0010 (SQL cannot run the NFKC and variant normaliser), and any a script inserted
 * without keys (the demo seeders write them). Runs at every start (prepareDatabase); only rows with an
 * empty key are read, so a start with nothing to do costs one indexed query. A later change of
 * the variant map ships with a migration that empties the keys, and this step recomputes them.
 */
export function fillPersonNameKeys(db: Db): number {
  const rows = db
    .select({ personId: personIdentities.personId, familyName: personIdentities.familyName, givenName: personIdentities.givenName })
    .from(personIdentities)
    .where(eq(personIdentities.nameKey, ""))
    .all();
  if (rows.length === 0) return 0;
  db.transaction((tx) => {
    for (const r of rows) {
      tx.update(personIdentities)
        .set(nameKeys(r))
        .where(eq(personIdentities.personId, r.personId))
        .run();
    }
  });
  return rows.length;
}
