import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { prefectures, userOffices, users } from "@/db/schema";
import type { Role } from "@/lib/domain/codes";
import type { AuditActor } from "./audit";

/**
 * The signed-in user as the database knows them right now. Built from the users table,
 * not from the token's claims, so a role or office change takes effect on the next request.
 */
export type Actor = AuditActor & {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  prefectureCode: string;
  prefectureName: string;
  /** Offices the user is assigned to (not including branches a supervisor also reaches). */
  assignedOfficeIds: string[];
};

/** Load an actor if the account is active and the session version still matches. */
export function loadActor(userId: string, sessionVersion: number, ip: string | null = null): Actor | null {
  const db = getDb();
  const row = db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      prefectureCode: users.prefectureCode,
      prefectureName: prefectures.name,
    })
    .from(users)
    .innerJoin(prefectures, eq(prefectures.code, users.prefectureCode))
    .where(and(eq(users.id, userId), eq(users.active, true), eq(users.sessionVersion, sessionVersion)))
    .get();
  if (!row) return null;
  const offices = db
    .select({ id: userOffices.healthCenterId })
    .from(userOffices)
    .where(eq(userOffices.userId, userId))
    .all();
  return { ...row, assignedOfficeIds: offices.map((o) => o.id), ip };
}
