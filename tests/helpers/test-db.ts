// Unit tests run the real data-access layer against an in-memory SQLite database built
// from the committed migrations and loaded with the real seed (org tree + demo accounts).
process.env.DATABASE_PATH = ":memory:";
process.env.TSUNAGU_DEMO_DATA = "on";

import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { prepareDatabase } from "@/db/seed";
import { loadActor, type Actor } from "@/lib/dal/actor";

export async function seededDb() {
  const db = getDb();
  await prepareDatabase(db);
  return db;
}

/** The actor of a demo account, loaded the way a request loads it. */
export function actorFor(username: string): Actor {
  const row = getDb().select().from(users).where(eq(users.username, username)).get();
  if (!row) throw new Error(`no user ${username}`);
  const actor = loadActor(row.id, row.sessionVersion);
  if (!actor) throw new Error(`user ${username} is not active`);
  return actor;
}
