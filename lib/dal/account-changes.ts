import "server-only";
import { aliasedTable, and, desc, eq, gte, inArray, ne, or, sql, type SQL } from "drizzle-orm";
import { ulid } from "ulid";
import { getDb, type Tx } from "@/db/client";
import { accountChangeRequests, healthCenters, loginThrottles, userOffices, users } from "@/db/schema";
import { can, OFFICE_REACH } from "@/lib/auth/permissions";
import type { AccountChangeKind, AccountChangeStatus, Role } from "@/lib/domain/codes";
import type { Actor } from "./actor";
import { auditView, writeAudit } from "./audit";
import { AppError } from "./errors";
import { clearSecondFactor } from "./second-factor";
import { inPrefecture, officesInReach } from "./scope";

/*
 * Separation of duties (ADR 0039). An admin's change that would let an account read cases (a new
 * coordinator or supervisor, a role or office granted, a reactivation) or that replaces the secret of
 * such an account (password, second factor) is stored here as a request and takes effect only when a
 * supervisor of one of the account's offices, or another admin of the prefecture, approves it.
 */

/** What an approved request does to the account, inside the approval's transaction; returns the audit's `changes`. */
type ApplyChange = (tx: Tx, request: RequestRow, now: string) => Record<string, unknown>;

/** The role and offices asked for (account_create, access_change). */
export type RequestedAccess = { role: Role; officeIds: string[] };

type RequestRow = typeof accountChangeRequests.$inferSelect;

function setOffices(tx: Tx, userId: string, officeIds: string[]): void {
  tx.delete(userOffices).where(eq(userOffices.userId, userId)).run();
  for (const id of new Set(officeIds)) tx.insert(userOffices).values({ userId, healthCenterId: id }).run();
}

function requestedAccess(request: Pick<RequestRow, "change">): RequestedAccess {
  return JSON.parse(request.change ?? "null") as RequestedAccess;
}

/**
 * One entry per kind. A kind whose entry is null can be stored but not yet approved.
 */
const APPLY: Readonly<Record<AccountChangeKind, ApplyChange | null>> = {
  account_create: (tx, r) => {
    tx.update(users).set({ active: true }).where(eq(users.id, r.userId)).run();
    return { active: [false, true] };
  },
  reactivate: (tx, r) => {
    tx.update(users).set({ active: true }).where(eq(users.id, r.userId)).run();
    return { active: [false, true] };
  },
  access_change: (tx, r) => {
    const access = requestedAccess(r);
    tx.update(users).set({ role: access.role }).where(eq(users.id, r.userId)).run();
    setOffices(tx, r.userId, access.officeIds);
    return { role: access.role, officeIds: access.officeIds };
  },
  password_reset: (tx, r) => {
    // The held hash becomes the password; it is one-time, and every open session of the account ends.
    tx.update(users)
      .set({ passwordHash: r.passwordHash!, mustChangePassword: true, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, r.userId))
      .run();
    const username = tx.select({ username: users.username }).from(users).where(eq(users.id, r.userId)).get()?.username;
    if (username) tx.delete(loginThrottles).where(eq(loginThrottles.username, username)).run();
    return { password: "reset" };
  },
  second_factor_reset: (tx, r) => {
    // The holder enrols again at their next sign-in, themselves (ADR 0037); every open session ends.
    clearSecondFactor(tx, r.userId);
    return { secondFactor: "reset" };
  },
};

/**
 * Does granting this role (or resetting the secret of an account holding it) need approval? Roles that
 * read cases, and roles that approve: otherwise an admin could create (or reset) a second admin, sign in
 * as it and approve their own requests.
 */
export function roleNeedsApproval(role: Role): boolean {
  return can(role, "read:case:reach") || can(role, "approve:account:reach");
}

/**
 * Store a request, audited, inside the caller's transaction (lib/dal/users.ts). Refused while the
 * account already has one pending: a second waits until the first is decided.
 */
export function insertAccountChangeRequest(
  tx: Tx,
  actor: Actor,
  input: {
    userId: string;
    username: string;
    kind: AccountChangeKind;
    officeIds: string[];
    userVersion: number;
    access?: RequestedAccess;
    passwordHash?: string;
  },
): string {
  const open = tx
    .select({ id: accountChangeRequests.id })
    .from(accountChangeRequests)
    .where(and(eq(accountChangeRequests.userId, input.userId), eq(accountChangeRequests.status, "pending")))
    .get();
  if (open) throw new AppError("invalid", "approvals.errors.pendingExists");
  const id = ulid();
  const officeIds = [...new Set(input.officeIds)].sort();
  tx.insert(accountChangeRequests)
    .values({
      id,
      prefectureCode: actor.prefectureCode,
      userId: input.userId,
      kind: input.kind,
      officeIds: JSON.stringify(officeIds),
      change: input.access ? JSON.stringify({ role: input.access.role, officeIds: [...new Set(input.access.officeIds)].sort() }) : null,
      passwordHash: input.passwordHash ?? null,
      userVersion: input.userVersion,
      requestedBy: actor.id,
      requestedAt: new Date().toISOString(),
    })
    .run();
  // The audit names what was asked, never the secret.
  writeAudit(tx, actor, {
    action: "create",
    entityType: "account_change",
    entityId: id,
    detail: { kind: input.kind, userId: input.userId, username: input.username, officeIds, ...(input.access ? { requested: input.access } : {}) },
  });
  return id;
}

function requireApprover(actor: Actor): void {
  if (!can(actor.role, "approve:account:reach")) throw new AppError("not_found", "errors.notFound");
}

/**
 * SQL: requests of the actor's prefecture that the actor may see and decide. An admin (prefecture
 * reach) sees all of them; a supervisor those naming an office in their reach.
 */
function requestsInReach(actor: Actor): SQL {
  const prefecture = inPrefecture(actor, accountChangeRequests.prefectureCode);
  if (OFFICE_REACH[actor.role] === "prefecture") return prefecture;
  const offices = officesInReach(actor);
  return and(
    prefecture,
    sql`EXISTS (SELECT 1 FROM json_each(${accountChangeRequests.officeIds}) AS o WHERE o.value IN ${offices})`,
  )!;
}

export type AccountChangeRow = {
  id: string;
  kind: AccountChangeKind;
  status: AccountChangeStatus;
  userId: string;
  username: string;
  displayName: string;
  /** The account's role now (for access_change, `requested` says what was asked). */
  role: Role;
  officeNames: string[];
  requested: { role: Role; officeNames: string[] } | null;
  requestedByName: string;
  requestedAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  reason: string | null;
  /** The account changed since the request: it can only be rejected. */
  stale: boolean;
  /** This actor may approve it (not their own request, not their own account, still pending and current). */
  canApprove: boolean;
  /** Why this actor may not approve a pending request, if so. */
  blocked: "ownRequest" | "ownAccount" | "stale" | "unsupported" | null;
  canReject: boolean;
};

const RECENT_DAYS = 90;
const RECENT_LIMIT = 50;

function toRows(actor: Actor, where: SQL, limit?: number): AccountChangeRow[] {
  const db = getDb();
  const requester = aliasedTable(users, "requester");
  const rows = db
    .select({
      id: accountChangeRequests.id,
      kind: accountChangeRequests.kind,
      status: accountChangeRequests.status,
      userId: accountChangeRequests.userId,
      officeIds: accountChangeRequests.officeIds,
      change: accountChangeRequests.change,
      userVersion: accountChangeRequests.userVersion,
      requestedBy: accountChangeRequests.requestedBy,
      requestedAt: accountChangeRequests.requestedAt,
      decidedAt: accountChangeRequests.decidedAt,
      reason: accountChangeRequests.reason,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      version: users.version,
      requestedByName: requester.displayName,
      decidedByName: sql<string | null>`(SELECT d.display_name FROM users AS d WHERE d.id = ${accountChangeRequests.decidedBy})`,
    })
    .from(accountChangeRequests)
    .innerJoin(users, eq(users.id, accountChangeRequests.userId))
    .innerJoin(requester, eq(requester.id, accountChangeRequests.requestedBy))
    .where(where)
    .orderBy(desc(accountChangeRequests.requestedAt), desc(accountChangeRequests.id))
    .limit(limit ?? -1) // SQLite: -1 is no limit
    .all();
  const officeIds = new Set<string>();
  for (const r of rows) {
    for (const id of JSON.parse(r.officeIds) as string[]) officeIds.add(id);
    if (r.change) for (const id of requestedAccess(r).officeIds) officeIds.add(id);
  }
  const names = new Map(
    officeIds.size === 0
      ? []
      : db
          .select({ id: healthCenters.id, name: healthCenters.name })
          .from(healthCenters)
          .where(inArray(healthCenters.id, [...officeIds]))
          .all()
          .map((o) => [o.id, o.name] as const),
  );
  const nameOf = (ids: string[]) => ids.map((id) => names.get(id) ?? id);
  return rows.map((r) => {
    const u = r;
    const pending = r.status === "pending";
    const stale = pending && u.version !== r.userVersion;
    const access = r.change ? requestedAccess(r) : null;
    const blocked = !pending
      ? null
      : r.requestedBy === actor.id
        ? "ownRequest"
        : r.userId === actor.id
          ? "ownAccount"
          : stale
            ? "stale"
            : APPLY[r.kind] === null
              ? "unsupported"
              : null;
    return {
      id: r.id,
      kind: r.kind,
      status: r.status,
      userId: r.userId,
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      officeNames: nameOf(JSON.parse(r.officeIds) as string[]),
      requested: access ? { role: access.role, officeNames: nameOf(access.officeIds) } : null,
      requestedByName: u.requestedByName,
      requestedAt: r.requestedAt,
      decidedByName: u.decidedByName,
      decidedAt: r.decidedAt,
      reason: r.reason,
      stale,
      canApprove: pending && blocked === null && can(actor.role, "approve:account:reach"),
      blocked,
      canReject: pending && can(actor.role, "approve:account:reach"),
    };
  });
}

/** The approvals page: pending requests in reach, and those decided in the last 90 days. Audited as a view. */
export function listAccountChangesForActor(actor: Actor, now: Date = new Date()): { pending: AccountChangeRow[]; recent: AccountChangeRow[] } {
  requireApprover(actor);
  const reach = requestsInReach(actor);
  const since = new Date(now.getTime() - RECENT_DAYS * 86_400_000).toISOString();
  const pending = toRows(actor, and(reach, eq(accountChangeRequests.status, "pending"))!);
  const recent = toRows(
    actor,
    and(reach, ne(accountChangeRequests.status, "pending"), gte(accountChangeRequests.decidedAt, since))!,
    RECENT_LIMIT,
  );
  auditView(actor, { entityType: "account_change", detail: { pending: pending.length, recent: recent.length } });
  return { pending, recent };
}

/** How many pending requests this approver could decide (the home page's notice); no names, so not audited. */
export function countPendingAccountChangesForActor(actor: Actor): number {
  if (!can(actor.role, "approve:account:reach")) return 0;
  return toRows(actor, and(requestsInReach(actor), eq(accountChangeRequests.status, "pending"))!).filter((r) => r.canApprove).length;
}

/** Requests about one account (the admin's user page): pending first, then the latest decided. */
export function listAccountChangesForUser(actor: Actor, userId: string): AccountChangeRow[] {
  requireApprover(actor);
  return toRows(actor, and(requestsInReach(actor), eq(accountChangeRequests.userId, userId))!, 10);
}

/** The kind of each listed account's pending request, for the admin's user list. */
export function pendingKindsByUser(actor: Actor, userIds: string[]): Map<string, AccountChangeKind> {
  if (userIds.length === 0 || !can(actor.role, "manage:user:prefecture")) return new Map();
  const rows = getDb()
    .select({ userId: accountChangeRequests.userId, kind: accountChangeRequests.kind })
    .from(accountChangeRequests)
    .where(
      and(
        inPrefecture(actor, accountChangeRequests.prefectureCode),
        eq(accountChangeRequests.status, "pending"),
        inArray(accountChangeRequests.userId, userIds),
      ),
    )
    .all();
  return new Map(rows.map((r) => [r.userId, r.kind]));
}

export type AccountChangeDecision = { id: string; decision: "approve" | "reject"; reason?: string };

/**
 * Approve or reject a pending request, once. Refused: outside the actor's reach (404, as if it did
 * not exist), already decided, approving one's own request or a change to one's own account, and
 * approving a request whose account changed since it was made (stale: it can only be rejected).
 */
export function decideAccountChange(actor: Actor, input: AccountChangeDecision): void {
  requireApprover(actor);
  const db = getDb();
  const request = db
    .select()
    .from(accountChangeRequests)
    .where(and(eq(accountChangeRequests.id, input.id), requestsInReach(actor)))
    .get();
  if (!request) throw new AppError("not_found", "errors.notFound");
  if (request.status !== "pending") throw new AppError("invalid", "approvals.errors.alreadyDecided");
  const reason = input.reason?.trim() ?? "";
  if (input.decision === "reject" && reason.length === 0) {
    throw new AppError("invalid", "approvals.errors.reasonRequired", { reason: "approvals.errors.reasonRequired" });
  }
  const apply = APPLY[request.kind];
  if (input.decision === "approve") {
    if (request.requestedBy === actor.id) throw new AppError("invalid", "approvals.errors.ownRequest");
    if (request.userId === actor.id) throw new AppError("invalid", "approvals.errors.ownAccount");
    if (!apply) throw new AppError("invalid", "approvals.errors.unsupported");
  }
  const now = new Date().toISOString();
  db.transaction((tx) => {
    const decided = tx
      .update(accountChangeRequests)
      .set({
        status: input.decision === "approve" ? "approved" : "rejected",
        decidedBy: actor.id,
        decidedAt: now,
        reason: reason || null,
        passwordHash: null,
      })
      .where(and(eq(accountChangeRequests.id, request.id), eq(accountChangeRequests.status, "pending")))
      .run();
    if (decided.changes === 0) throw new AppError("invalid", "approvals.errors.alreadyDecided");
    if (input.decision === "approve") {
      // The account must be exactly as it was when the request was made.
      const current = tx
        .update(users)
        .set({ version: sql`${users.version} + 1`, updatedAt: now })
        .where(and(eq(users.id, request.userId), eq(users.version, request.userVersion)))
        .run();
      if (current.changes === 0) throw new AppError("invalid", "approvals.errors.stale");
      const changes = apply!(tx, request, now);
      writeAudit(tx, actor, {
        action: "update",
        entityType: "user",
        entityId: request.userId,
        detail: { changes, approvedRequest: request.id, kind: request.kind },
      });
    }
    writeAudit(tx, actor, {
      action: "update",
      entityType: "account_change",
      entityId: request.id,
      detail: {
        decision: input.decision === "approve" ? "approved" : "rejected",
        kind: request.kind,
        userId: request.userId,
        requestedBy: request.requestedBy,
        ...(reason ? { reason } : {}),
      },
    });
  });
}

/** Is any request of this kind pending for the account? (Used by tests and the admin page.) */
export function hasPendingRequest(userId: string, kinds?: AccountChangeKind[]): boolean {
  return !!getDb()
    .select({ id: accountChangeRequests.id })
    .from(accountChangeRequests)
    .where(
      and(
        eq(accountChangeRequests.userId, userId),
        eq(accountChangeRequests.status, "pending"),
        kinds ? or(...kinds.map((k) => eq(accountChangeRequests.kind, k))) : undefined,
      ),
    )
    .get();
}
