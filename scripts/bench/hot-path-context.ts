import { and, asc, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cases, users } from "@/db/schema";
import { loadActor, type Actor } from "@/lib/dal/actor";
import { currentFiscalYear } from "@/lib/domain/fiscal-year";
import type { HotPathContext } from "./hot-paths";

/** The hot paths' actors and samples in a database holding the demo accounts (demo or synthetic). */
export function hotPathContext(db: Db, coordinatorName = "bizen.coord", prefectureName = "okayama.pref"): HotPathContext {
  const actor = (username: string): Actor => {
    const u = db.select().from(users).where(eq(users.username, username)).get();
    const a = u && loadActor(u.id, u.sessionVersion);
    if (!a) throw new Error(`no active account ${username}`);
    return a;
  };
  const coordinator = actor(coordinatorName);
  const own = db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.coordinatorUserId, coordinator.id), ne(cases.phase, "closed")))
    .orderBy(asc(cases.caseNo))
    .get();
  if (!own) throw new Error(`${coordinatorName} holds no open case`);
  return { coordinator, prefecture: actor(prefectureName), fiscalYear: currentFiscalYear() - 1, caseId: own.id, kana: "やま" };
}


