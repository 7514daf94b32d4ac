import "server-only";
import { and, asc, count, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { ulid } from "ulid";
import { getDb, type Tx } from "@/db/client";
import { healthCenters, loginThrottles, userOffices, users } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { isLocked } from "@/lib/auth/policy";
import type { AccountChangeKind, Role } from "@/lib/domain/codes";
import type { UserCreateInput, UserUpdateInput } from "@/lib/validation/user";
import type { Actor } from "./actor";
import { insertAccountChangeRequest, pendingKindsByUser, roleNeedsApproval } from "./account-changes";
import { auditView, diffFields, writeAudit, type AuditActor } from "./audit";
import { assertNewPassword } from "./auth";
import { lastSaver, staleSaveConflict } from "./conflicts";
import { AppError } from "./errors";
import { clearSecondFactor, isEnrolled } from "./second-factor";
import { onePage, type Page, type PageRequest } from "./pagination";
import { inPrefecture } from "./scope";

export const USER_SORT_KEYS = ["username", "displayName", "role", "lastSignInAt"] as const;
export type UserSortKey = (typeof USER_SORT_KEYS)[number];
export type UserFilter = { q?: string; role?: Role; status?: "active" | "inactive" };

export type UserListRow = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  officeNames: string[];
  lastSignInAt: string | null;
  /** An admin's change waiting for approval (ADR 0039), if any. */
  pendingChange: AccountChangeKind | null;
  /** The password is one-time (set by an admin) and not yet changed by its holder. */
  mustChangePassword: boolean;
};

export type UserDetail = UserListRow & {
  version: number;
  officeIds: string[];
  lockedUntil: string | null;
  /** Has the holder enrolled a second factor (which an admin may then reset)? */
  secondFactorEnrolled: boolean;
  createdAt: string;
  updatedAt: string;
  /** The edit form's values as JSON, sent back as `base` so a stale save lists only what someone else changed. */
  base: string;
};

function requireUserAdmin(actor: Actor): void {
  // The page already refused; this makes the DAL safe on its own.
  if (!can(actor.role, "manage:user:prefecture")) throw new AppError("not_found", "errors.notFound");
}

/** Office names per user, for a page of users. */
function officeNamesByUser(userIds: string[]): Map<string, { id: string; name: string }[]> {
  const map = new Map<string, { id: string; name: string }[]>();
  if (userIds.length === 0) return map;
  const rows = getDb()
    .select({ userId: userOffices.userId, id: healthCenters.id, name: healthCenters.name })
    .from(userOffices)
    .innerJoin(healthCenters, eq(healthCenters.id, userOffices.healthCenterId))
    .where(inArray(userOffices.userId, userIds))
    .orderBy(asc(healthCenters.sort))
    .all();
  for (const r of rows) map.set(r.userId, [...(map.get(r.userId) ?? []), { id: r.id, name: r.name }]);
  return map;
}

export function listUsersForActor(actor: Actor, req: PageRequest<UserSortKey>, filter: UserFilter): Page<UserListRow> {
  requireUserAdmin(actor);
  const db = getDb();
  const conditions: SQL[] = [inPrefecture(actor, users.prefectureCode)];
  const q = filter.q?.trim();
  if (q) {
    const pattern = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(sql`${users.username} LIKE ${pattern} ESCAPE '\\'`, sql`${users.displayName} LIKE ${pattern} ESCAPE '\\'`)!);
  }
  if (filter.role) conditions.push(eq(users.role, filter.role));
  if (filter.status) conditions.push(eq(users.active, filter.status === "active"));
  const where = and(...conditions);
  const order = { username: users.username, displayName: users.displayName, role: users.role, lastSignInAt: users.lastSignInAt }[req.sort];
  const rows = onePage(
    db
      .select({
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        role: users.role,
        active: users.active,
        lastSignInAt: users.lastSignInAt,
        mustChangePassword: users.mustChangePassword,
      })
      .from(users)
      .where(where),
    req,
    order,
    asc(users.username),
  );
  const [{ n }] = db.select({ n: count() }).from(users).where(where).all() as [{ n: number }];
  const offices = officeNamesByUser(rows.map((r) => r.id));
  const pending = pendingKindsByUser(actor, rows.map((r) => r.id));
  return {
    rows: rows.map((r) => ({ ...r, officeNames: (offices.get(r.id) ?? []).map((o) => o.name), pendingChange: pending.get(r.id) ?? null })),
    total: n,
    page: req.page,
    pageSize: req.pageSize,
  };
}

function loadUserInScope(actor: Actor, id: string) {
  return getDb()
    .select()
    .from(users)
    .where(and(eq(users.id, id), inPrefecture(actor, users.prefectureCode)))
    .get();
}

type UserRow = NonNullable<ReturnType<typeof loadUserInScope>>;

/** What the edit form changes, as compared for the audit and for a stale save (offices sorted by id). */
function editValues(row: UserRow, officeIds: string[]): { displayName: string; role: Role; officeIds: string[] } {
  return { displayName: row.displayName, role: row.role, officeIds: [...officeIds].sort() };
}

function officeIdsOf(userId: string): string[] {
  return (officeNamesByUser([userId]).get(userId) ?? []).map((o) => o.id);
}

function toDetail(actor: Actor, row: UserRow): UserDetail {
  const db = getDb();
  const offices = officeNamesByUser([row.id]).get(row.id) ?? [];
  const throttle = db.select().from(loginThrottles).where(eq(loginThrottles.username, row.username)).get();
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    active: row.active,
    lastSignInAt: row.lastSignInAt,
    mustChangePassword: row.mustChangePassword,
    pendingChange: pendingKindsByUser(actor, [row.id]).get(row.id) ?? null,
    version: row.version,
    officeIds: offices.map((o) => o.id),
    officeNames: offices.map((o) => o.name),
    lockedUntil: isLocked(throttle, new Date()) ? (throttle?.lockedUntil ?? null) : null,
    secondFactorEnrolled: isEnrolled(row.id),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    base: JSON.stringify(editValues(row, offices.map((o) => o.id))),
  };
}

/** One account of the actor's prefecture, or null (404) — the view is audited. */
export function getUserForActor(actor: Actor, id: string): UserDetail | null {
  requireUserAdmin(actor);
  const row = loadUserInScope(actor, id);
  if (!row) return null;
  auditView(actor, { entityType: "user", entityId: id });
  return toDetail(actor, row);
}

/** Offices must exist and belong to the actor's prefecture; checked in SQL, not trusted from the form. */
function assertOfficesInPrefecture(actor: Actor, officeIds: string[]): void {
  if (officeIds.length === 0) return;
  const found = getDb()
    .select({ id: healthCenters.id })
    .from(healthCenters)
    .where(and(inArray(healthCenters.id, officeIds), inPrefecture(actor, healthCenters.prefectureCode)))
    .all();
  if (found.length !== new Set(officeIds).size) {
    throw new AppError("invalid", "validation.offices.invalid", { officeIds: "validation.offices.invalid" });
  }
}

function replaceOffices(tx: Tx, userId: string, officeIds: string[]): void {
  tx.delete(userOffices).where(eq(userOffices.userId, userId)).run();
  for (const id of new Set(officeIds)) tx.insert(userOffices).values({ userId, healthCenterId: id }).run();
}

/**
 * Create an account. Its password is one-time (changed at first sign-in). An account of a role that
 * reads cases starts inactive, with a request that a supervisor of its office or another admin
 * must approve (ADR 0039): `pending` says so.
 */
export async function createUser(actor: Actor, input: UserCreateInput): Promise<{ id: string; pending: boolean }> {
  requireUserAdmin(actor);
  const db = getDb();
  assertOfficesInPrefecture(actor, input.officeIds);
  if (db.select({ id: users.id }).from(users).where(eq(users.username, input.username)).get()) {
    throw new AppError("invalid", "validation.username.taken", { username: "validation.username.taken" });
  }
  assertNewPassword(input.password, input.username);
  const passwordHash = await hashPassword(input.password);
  const id = ulid();
  const now = new Date().toISOString();
  const pending = roleNeedsApproval(input.role);
  db.transaction((tx) => {
    tx.insert(users)
      .values({
        id,
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        prefectureCode: actor.prefectureCode,
        passwordHash,
        active: !pending,
        mustChangePassword: true,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    replaceOffices(tx, id, input.officeIds);
    writeAudit(tx, actor, {
      action: "create",
      entityType: "user",
      entityId: id,
      detail: { username: input.username, displayName: input.displayName, role: input.role, officeIds: input.officeIds, active: !pending },
    });
    if (pending) {
      insertAccountChangeRequest(tx, actor, {
        userId: id,
        username: input.username,
        kind: "account_create",
        officeIds: input.officeIds,
        userVersion: 1,
        access: { role: input.role, officeIds: input.officeIds },
      });
    }
  });
  return { id, pending };
}

/** Does this edit grant case access: a case-reading role newly given, or an office added to one? */
function grantsCaseAccess(before: { role: Role; officeIds: string[] }, after: { role: Role; officeIds: string[] }): boolean {
  if (!roleNeedsApproval(after.role)) return false;
  return after.role !== before.role || after.officeIds.some((id) => !before.officeIds.includes(id));
}

/**
 * Save an admin's edit. `version` is the one the form was loaded with: if someone saved in
 * between, nothing is written and the caller gets a conflict naming what they changed since
 * the form was loaded (`base`), with the values now.
 */
export function updateUser(actor: Actor, input: UserUpdateInput): { pending: boolean } {
  requireUserAdmin(actor);
  const db = getDb();
  const current = loadUserInScope(actor, input.id);
  if (!current) throw new AppError("not_found", "errors.notFound");
  const before = editValues(current, officeIdsOf(current.id));
  const record = { actor, entityType: "user", entityId: current.id } as const;
  if (current.version !== input.version) throw staleSaveConflict(input.base, before, record);
  if (current.id === actor.id && input.role !== current.role) {
    throw new AppError("invalid", "users.errors.ownRole", { role: "users.errors.ownRole" });
  }
  assertOfficesInPrefecture(actor, input.officeIds);
  const asked = { displayName: input.displayName, role: input.role, officeIds: [...new Set(input.officeIds)].sort() };
  // A grant of case access waits for approval (ADR 0039): the name is saved now, role and offices stay.
  const pending = grantsCaseAccess(before, asked);
  const after = pending ? { ...asked, role: before.role, officeIds: before.officeIds } : asked;
  db.transaction((tx) => {
    const result = tx
      .update(users)
      .set({ displayName: after.displayName, role: after.role, version: sql`${users.version} + 1`, updatedAt: new Date().toISOString() })
      .where(and(eq(users.id, current.id), eq(users.version, input.version)))
      .run();
    if (result.changes === 0) {
      // Another connection saved since the row was read: report what it holds now.
      const now = loadUserInScope(actor, current.id);
      throw staleSaveConflict(input.base, now ? editValues(now, officeIdsOf(now.id)) : before, record);
    }
    replaceOffices(tx, current.id, after.officeIds);
    writeAudit(tx, actor, { action: "update", entityType: "user", entityId: current.id, detail: { changes: diffFields(before, after) } });
    if (pending) {
      insertAccountChangeRequest(tx, actor, {
        userId: current.id,
        username: current.username,
        kind: "access_change",
        officeIds: asked.officeIds,
        userVersion: current.version + 1,
        access: { role: asked.role, officeIds: asked.officeIds },
      });
    }
  });
  return { pending };
}

/**
 * Deactivate or reactivate an account; deactivation ends its sessions at once. Reactivating an
 * account of a role that reads cases is a grant: it waits for approval (ADR 0039).
 */
export function setUserActive(actor: Actor, id: string, version: number, active: boolean): { pending: boolean } {
  requireUserAdmin(actor);
  const current = loadUserInScope(actor, id);
  if (!current) throw new AppError("not_found", "errors.notFound");
  if (current.id === actor.id) throw new AppError("invalid", "users.errors.ownAccount");
  if (active && !current.active && roleNeedsApproval(current.role)) {
    if (current.version !== version) throw new AppError("conflict", "errors.conflict", {}, {}, lastSaver({ actor, entityType: "user", entityId: id }) ?? undefined);
    getDb().transaction((tx) =>
      insertAccountChangeRequest(tx, actor, {
        userId: current.id,
        username: current.username,
        kind: "reactivate",
        officeIds: officeIdsOf(current.id),
        userVersion: current.version,
      }),
    );
    return { pending: true };
  }
  getDb().transaction((tx) => {
    const result = tx
      .update(users)
      .set({
        active,
        version: sql`${users.version} + 1`,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        updatedAt: new Date().toISOString(),
      })
      .where(and(eq(users.id, id), eq(users.version, version)))
      .run();
    if (result.changes === 0) throw new AppError("conflict", "errors.conflict", {}, {}, lastSaver({ actor, entityType: "user", entityId: id }) ?? undefined);
    writeAudit(tx, actor, { action: "update", entityType: "user", entityId: id, detail: { changes: { active: [current.active, active] } } });
  });
  return { pending: false };
}

/**
 * Set a new, one-time password for someone else; their sessions end and any lockout is lifted. For
 * an account that reads cases the new password's hash waits in a request until approved (ADR 0039):
 * until then the old password keeps working and the new one does not.
 */
export async function resetUserPassword(actor: Actor, id: string, password: string): Promise<{ pending: boolean }> {
  requireUserAdmin(actor);
  const current = loadUserInScope(actor, id);
  if (!current) throw new AppError("not_found", "errors.notFound");
  if (current.id === actor.id) throw new AppError("invalid", "approvals.errors.resetOwn");
  assertNewPassword(password, current.username);
  const passwordHash = await hashPassword(password);
  if (roleNeedsApproval(current.role)) {
    getDb().transaction((tx) =>
      insertAccountChangeRequest(tx, actor, {
        userId: current.id,
        username: current.username,
        kind: "password_reset",
        officeIds: officeIdsOf(current.id),
        userVersion: current.version,
        passwordHash,
      }),
    );
    return { pending: true };
  }
  getDb().transaction((tx) => {
    tx.update(users)
      .set({ passwordHash, mustChangePassword: true, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date().toISOString() })
      .where(eq(users.id, id))
      .run();
    tx.delete(loginThrottles).where(eq(loginThrottles.username, current.username)).run();
    writeAudit(tx, actor, { action: "update", entityType: "user", entityId: id, detail: { changes: { password: "reset" } } });
  });
  return { pending: false };
}

/**
 * Clear someone else's second factor (a lost phone): they enrol again, themselves, at their next
 * sign-in. For an account that reads cases this waits in a request until approved (ADR 0039), as a
 * password reset does: until then the old authenticator keeps working.
 */
export function resetUserSecondFactor(actor: Actor, id: string): { pending: boolean } {
  requireUserAdmin(actor);
  const current = loadUserInScope(actor, id);
  if (!current) throw new AppError("not_found", "errors.notFound");
  if (current.id === actor.id) throw new AppError("invalid", "approvals.errors.resetOwnSecondFactor");
  if (!isEnrolled(current.id)) throw new AppError("invalid", "approvals.errors.noSecondFactor");
  if (roleNeedsApproval(current.role)) {
    getDb().transaction((tx) =>
      insertAccountChangeRequest(tx, actor, {
        userId: current.id,
        username: current.username,
        kind: "second_factor_reset",
        officeIds: officeIdsOf(current.id),
        userVersion: current.version,
      }),
    );
    return { pending: true };
  }
  getDb().transaction((tx) => {
    clearSecondFactor(tx, current.id);
    writeAudit(tx, actor, { action: "update", entityType: "user", entityId: id, detail: { changes: { secondFactor: "reset" } } });
  });
  return { pending: false };
}

export function unlockUser(actor: Actor, id: string): void {
  requireUserAdmin(actor);
  const current = loadUserInScope(actor, id);
  if (!current) throw new AppError("not_found", "errors.notFound");
  getDb().transaction((tx) => {
    tx.delete(loginThrottles).where(eq(loginThrottles.username, current.username)).run();
    writeAudit(tx, actor, { action: "update", entityType: "user", entityId: id, detail: { changes: { lock: "released" } } });
  });
}

/**
 * Any signed-in user changes their own password, and so does the holder of a one-time (admin-set)
 * password, whose session has nothing else (a PasswordChangeActor). The new password must differ
 * from the current one; all their sessions, this one included, end.
 */
export async function changeOwnPassword(actor: AuditActor & { id: string }, currentPassword: string, password: string): Promise<void> {
  const db = getDb();
  const row = db.select().from(users).where(eq(users.id, actor.id)).get();
  if (!row || !(await verifyPassword(row.passwordHash, currentPassword))) {
    throw new AppError("invalid", "validation.password.currentWrong", { current: "validation.password.currentWrong" });
  }
  assertNewPassword(password, row.username);
  if (password === currentPassword) throw new AppError("invalid", "approvals.errors.samePassword", { password: "approvals.errors.samePassword" });
  const passwordHash = await hashPassword(password);
  db.transaction((tx) => {
    tx.update(users)
      .set({ passwordHash, mustChangePassword: false, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date().toISOString() })
      .where(eq(users.id, actor.id))
      .run();
    writeAudit(tx, actor, {
      action: "update",
      entityType: "user",
      entityId: actor.id,
      detail: { changes: { password: row.mustChangePassword ? "one-time password replaced by self" : "changed by self" } },
    });
  });
}

/** Active accounts of the actor's prefecture, for the admin's home page. */
export function countActiveUsersForActor(actor: Actor): number {
  requireUserAdmin(actor);
  const [{ n }] = getDb()
    .select({ n: count() })
    .from(users)
    .where(and(inPrefecture(actor, users.prefectureCode), eq(users.active, true)))
    .all() as [{ n: number }];
  return n;
}
