import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { prefectures, userOffices, users } from "@/db/schema";
import type { Label, Role } from "@/lib/domain/codes";
import type { AuditActor } from "./audit";
import { notRevoked, notRevokedPlaceholder } from "./auth";
import { preparedFor } from "./prepared";

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
  /** 岡山県 / Okayama: show with `prefectureName[locale]`. */
  prefectureName: Label;
  /** Offices the user is assigned to (not including branches a supervisor also reaches). */
  assignedOfficeIds: string[];
  /** The session this request belongs to (null outside a request, e.g. in tests). */
  sessionId: string | null;
};

/**
 * Load an actor if the account is active, the session version still matches and (when a
 * session id is given) the session was not signed out. An account whose password was set by an
 * admin and not yet changed gets no actor at all, hence no permission anywhere: its session only
 * yields a PasswordChangeActor (ADR 0039).
 */
export function loadActor(userId: string, sessionVersion: number, ip: string | null = null, sessionId: string | null = null): Actor | null {
  const db = getDb();
  const row = sessionId
    ? actorRowInSession(db).get({ userId, sessionVersion, sessionId })
    : actorRow(db).get({ userId, sessionVersion });
  if (!row) return null;
  const offices = actorOffices(db).all({ userId });
  const { prefectureNameJa, prefectureNameEn, ...rest } = row;
  return { ...rest, sessionId, prefectureName: { ja: prefectureNameJa, en: prefectureNameEn }, assignedOfficeIds: offices.map((o) => o.id), ip };
}

// The queries of loadActor, prepared once (they run on every signed-in request).
function actorQuery(db: Db, inSession: boolean) {
  return db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      prefectureCode: users.prefectureCode,
      prefectureNameJa: prefectures.name,
      prefectureNameEn: prefectures.nameEn,
    })
    .from(users)
    .innerJoin(prefectures, eq(prefectures.code, users.prefectureCode))
    .where(
      and(
        eq(users.id, sql.placeholder("userId")),
        eq(users.active, true),
        eq(users.sessionVersion, sql.placeholder("sessionVersion")),
        eq(users.mustChangePassword, false),
        inSession ? notRevokedPlaceholder() : undefined,
      ),
    )
    .prepare();
}
const actorRow = (db: Db) => preparedFor(db, "actor.row", (d) => actorQuery(d, false));
const actorRowInSession = (db: Db) => preparedFor(db, "actor.rowInSession", (d) => actorQuery(d, true));
const actorOffices = (db: Db) =>
  preparedFor(db, "actor.offices", (d) =>
    d.select({ id: userOffices.healthCenterId }).from(userOffices).where(eq(userOffices.userId, sql.placeholder("userId"))).prepare(),
  );

/**
 * The holder of a one-time password (set by an admin) during their first session: who they are, for
 * the audit and for changing that password, and nothing else. Deliberately not an Actor (no offices,
 * no prefecture name, a `mustChangePassword` marker), so no other DAL function accepts it.
 */
export type PasswordChangeActor = AuditActor & {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  prefectureCode: string;
  mustChangePassword: true;
  sessionId: string | null;
};

/** The PasswordChangeActor of a current session whose account must change its password, else null. */
export function loadPasswordChangeActor(
  userId: string,
  sessionVersion: number,
  ip: string | null = null,
  sessionId: string | null = null,
): PasswordChangeActor | null {
  const row = getDb()
    .select({ id: users.id, username: users.username, displayName: users.displayName, role: users.role, prefectureCode: users.prefectureCode })
    .from(users)
    .where(
      and(
        eq(users.id, userId),
        eq(users.active, true),
        eq(users.sessionVersion, sessionVersion),
        eq(users.mustChangePassword, true),
        sessionId ? notRevoked(sessionId) : undefined,
      ),
    )
    .get();
  return row ? { ...row, mustChangePassword: true, sessionId, ip } : null;
}
