import "server-only";
import { and, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { healthCenters, userOffices } from "@/db/schema";
import { OFFICE_REACH } from "@/lib/auth/permissions";
import type { Actor } from "./actor";

/**
 * The ids of the offices an actor's role reaches, as a subquery evaluated in SQL against
 * the current assignments (never a list taken from the session token). Always confined to
 * the actor's own prefecture, whatever the assignments say.
 */
export function officesInReach(actor: Pick<Actor, "id" | "role" | "prefectureCode">) {
  const db = getDb();
  const assigned = db
    .select({ id: userOffices.healthCenterId })
    .from(userOffices)
    .where(eq(userOffices.userId, actor.id));
  const samePrefecture = eq(healthCenters.prefectureCode, actor.prefectureCode);
  const reach = OFFICE_REACH[actor.role];
  const condition: SQL | undefined =
    reach === "prefecture"
      ? samePrefecture
      : reach === "assigned-and-branches"
        ? and(samePrefecture, or(inArray(healthCenters.id, assigned), inArray(healthCenters.parentId, assigned)))
        : and(samePrefecture, inArray(healthCenters.id, assigned));
  return db.select({ id: healthCenters.id }).from(healthCenters).where(condition);
}

/** `column IN (offices the actor reaches)`, for the WHERE clause of any office-owned row. */
export function inReach(actor: Pick<Actor, "id" | "role" | "prefectureCode">, officeColumn: AnySQLiteColumn): SQL {
  return inArray(officeColumn, officesInReach(actor));
}

/** `column = actor's prefecture`, for prefecture-owned rows (users, master data). */
export function inPrefecture(actor: Pick<Actor, "prefectureCode">, prefectureColumn: AnySQLiteColumn): SQL {
  return sql`${prefectureColumn} = ${actor.prefectureCode}`;
}
