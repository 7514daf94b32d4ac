import { orgId } from "@/db/seed/org";
import { DEMO_USERS } from "@/db/seed/demo-users";
import type { IdSource } from "./ids";
import type { RowSink } from "./writer";

/*
 * The accounts: every demo account of the README (db/seed/demo-users.ts, same usernames, roles and
 * offices), and for every other prefecture one prefecture account (`p13.pref`) and a coordinator
 * per office (`p13-hc04.coord`), so every generated case has an owner. One password hash for all
 * of them (the demo password, hashed once: argon2 is slow on purpose).
 */

export type OfficeRef = { id: string; code: string; prefectureCode: string; name: string };

export type Accounts = {
  /** The coordinators of each office, demo ones first. */
  coordinatorsByOffice: Map<string, string[]>;
  /** The prefecture account of each prefecture (the creator of prefecture-level records). */
  prefectureUser: Map<string, string>;
  users: number;
};

export function insertUsers(w: RowSink, ids: IdSource, offices: readonly OfficeRef[], prefectures: readonly string[], passwordHash: string, createdAt: string, idDate: string): Accounts {
  const user = w.table("users", ["id", "username", "display_name", "role", "prefecture_code", "password_hash", "active", "session_version", "version", "created_at", "updated_at", "must_change_password"]);
  const userOffice = w.table("user_offices", ["user_id", "health_center_id"]);
  const coordinatorsByOffice = new Map<string, string[]>();
  const prefectureUser = new Map<string, string>();
  let n = 0;
  const add = (username: string, displayName: string, role: string, prefectureCode: string, officeIds: readonly string[]) => {
    // The id's time part from a fixed day (ids stay a function of the seed); the stamps are real.
    const id = ids.at(idDate);
    user(id, username, displayName, role, prefectureCode, passwordHash, 1, 1, 1, createdAt, createdAt, 0);
    for (const officeId of officeIds) {
      userOffice(id, officeId);
      if (role === "coordinator") coordinatorsByOffice.set(officeId, [...(coordinatorsByOffice.get(officeId) ?? []), id]);
    }
    if (role === "prefecture" && !prefectureUser.has(prefectureCode)) prefectureUser.set(prefectureCode, id);
    n++;
  };
  for (const u of DEMO_USERS) add(u.username, u.displayName, u.role, u.prefectureCode, u.offices.map((o) => orgId(u.prefectureCode, o)));
  for (const pref of prefectures) {
    if (prefectureUser.has(pref)) continue;
    add(`p${pref}.pref`, `県担当 ${pref}`, "prefecture", pref, []);
  }
  for (const o of offices) {
    if (coordinatorsByOffice.has(o.id)) continue;
    add(`p${o.prefectureCode}-${o.code}.coord`, `${o.name.replace(/(保健所|支所)$/, "")} 担当`, "coordinator", o.prefectureCode, [o.id]);
  }
  return { coordinatorsByOffice, prefectureUser, users: n };
}
