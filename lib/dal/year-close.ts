import "server-only";
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { ulid } from "ulid";
import { getDb, type Tx } from "@/db/client";
import { healthCenters, restatements, users, yearLockEvents, yearLocks, yearSignoffs } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import { AUDIT_ENTITY_LABELS, ROLE_LABELS, type AuditEntityType, type Locale, type Role } from "@/lib/domain/codes";
import { currentFiscalYear } from "@/lib/domain/fiscal-year";
import { figuresRestatedBy } from "@/lib/domain/indicators/restated-figures";
import { fiscalYearsOf, REASON_MAX, RESTATED_FIELD_FALLBACK, RESTATED_FIELD_LABELS, RESTATEMENT_ACTION_LABELS, type RestatementAction, type YearLockAction } from "@/lib/domain/year-close";
import { catalogs } from "@/lib/i18n/messages";
import { makeTranslate, type MessageKey } from "@/lib/i18n/translate";
import type { LockInput, SignOffInput, UnlockInput } from "@/lib/validation/year-close";
import type { Actor } from "./actor";
import { writeAudit } from "./audit";
import { AppError } from "./errors";
import { inReach } from "./scope";

/*
 * The year-end close (年度締め, ADR 0025). Supervisors sign off the figures of the offices they
 * reach for a fiscal year that has ended (`signoff:year:reach`); prefecture staff lock the year
 * for their prefecture and may unlock it with a reason (`lock:year:prefecture`). Every write
 * through a gate calls `guardLockedYears` inside its transaction: a change to a record dated in
 * a locked year needs a reason and is kept as a restatement (訂正), which the 自治体情報シート
 * shows beside the figures it changed. Rows are scoped in SQL (offices in reach, the actor's
 * prefecture); every change is audited in its transaction. Reads name no person and are not
 * audited (ADR 0017): a restatement is listed with its record type, office, fields and reason,
 * never the values or the record's number.
 */

const notFound = () => new AppError("not_found", "errors.notFound");

function requireCloseReader(actor: Actor): void {
  if (!can(actor.role, "signoff:year:reach") && !can(actor.role, "lock:year:prefecture")) throw notFound();
}

/** A fiscal year the app can hold (2000–2099); anything else is a bad request, not a missing year. */
function checkedYear(fiscalYear: number): number {
  if (!Number.isInteger(fiscalYear) || fiscalYear < 2000 || fiscalYear > 2099) throw new AppError("invalid", "yearClose.validation.fiscalYear");
  return fiscalYear;
}

/** A year is closed once it has ended: sign-off and lock wait for 1 April after it. */
export function yearHasEnded(fiscalYear: number): boolean {
  return fiscalYear < currentFiscalYear();
}

function lockRow(db: Pick<Tx, "select">, prefectureCode: string, fiscalYear: number) {
  return db
    .select()
    .from(yearLocks)
    .where(and(eq(yearLocks.prefectureCode, prefectureCode), eq(yearLocks.fiscalYear, fiscalYear)))
    .get();
}

// ---------------------------------------------------------------------------------------
// The year's close status

export type OfficeSignoff = {
  officeId: string;
  officeName: string;
  /** The office a 支所 belongs to (its name), null for an office. */
  parentName: string | null;
  signoff: { signedAt: string; signedBy: string; note: string | null } | null;
};

export type LockEvent = { action: YearLockAction; reason: string | null; actedBy: string; actedAt: string };

export type YearCloseStatus = {
  fiscalYear: number;
  /** The year has ended, so it can be signed off and locked. */
  ended: boolean;
  locked: boolean;
  /** The offices the actor reaches (every office of the prefecture for prefecture staff). */
  offices: OfficeSignoff[];
  /** Who may do what here (the page shows only what the server would accept). */
  canSignOff: boolean;
  canLock: boolean;
  history: LockEvent[];
  restatementCount: number;
};

export function getYearCloseForActor(actor: Actor, fiscalYear: number): YearCloseStatus {
  requireCloseReader(actor);
  const fy = checkedYear(fiscalYear);
  const db = getDb();
  const parents = sql<string | null>`(SELECT p.name FROM health_centers p WHERE p.id = ${healthCenters.parentId})`;
  const offices = db
    .select({
      officeId: healthCenters.id,
      officeName: healthCenters.name,
      parentName: parents,
      signedAt: yearSignoffs.signedAt,
      signedBy: users.displayName,
      note: yearSignoffs.note,
    })
    .from(healthCenters)
    .leftJoin(yearSignoffs, and(eq(yearSignoffs.officeId, healthCenters.id), eq(yearSignoffs.fiscalYear, fy)))
    .leftJoin(users, eq(users.id, yearSignoffs.signedBy))
    .where(inReach(actor, healthCenters.id))
    .orderBy(asc(healthCenters.sort), asc(healthCenters.id))
    .all();
  const history = db
    .select({ action: yearLockEvents.action, reason: yearLockEvents.reason, actedBy: users.displayName, actedAt: yearLockEvents.actedAt })
    .from(yearLockEvents)
    .leftJoin(users, eq(users.id, yearLockEvents.actedBy))
    .where(and(eq(yearLockEvents.prefectureCode, actor.prefectureCode), eq(yearLockEvents.fiscalYear, fy)))
    .orderBy(desc(sql`${yearLockEvents}.rowid`))
    .all();
  const [{ n }] = db
    .select({ n: sql<number>`count(*)` })
    .from(restatements)
    .where(restatementScope(actor, fy))
    .all() as [{ n: number }];
  return {
    fiscalYear: fy,
    ended: yearHasEnded(fy),
    locked: lockRow(db, actor.prefectureCode, fy)?.locked ?? false,
    offices: offices.map((o) => ({
      officeId: o.officeId,
      officeName: o.officeName,
      parentName: o.parentName,
      signoff: o.signedAt ? { signedAt: o.signedAt, signedBy: o.signedBy ?? "", note: o.note } : null,
    })),
    canSignOff: can(actor.role, "signoff:year:reach"),
    canLock: can(actor.role, "lock:year:prefecture"),
    history: history.map((h) => ({ ...h, actedBy: h.actedBy ?? "" })),
    restatementCount: n,
  };
}

// ---------------------------------------------------------------------------------------
// Sign-off, lock, unlock

/** A supervisor signs off an office they reach, for a year that has ended and is not locked; once. */
export function signOffYear(actor: Actor, input: SignOffInput): { id: string } {
  if (!can(actor.role, "signoff:year:reach")) throw notFound();
  const fy = checkedYear(input.fiscalYear);
  const db = getDb();
  const office = db
    .select({ id: healthCenters.id })
    .from(healthCenters)
    .where(and(eq(healthCenters.id, input.officeId), inReach(actor, healthCenters.id)))
    .get();
  if (!office) throw notFound();
  if (!yearHasEnded(fy)) throw new AppError("invalid", "yearClose.signoff.notEnded");
  const id = ulid();
  db.transaction((tx) => {
    if (lockRow(tx, actor.prefectureCode, fy)?.locked) throw new AppError("invalid", "yearClose.signoff.locked");
    const done = tx
      .select({ id: yearSignoffs.id })
      .from(yearSignoffs)
      .where(and(eq(yearSignoffs.officeId, office.id), eq(yearSignoffs.fiscalYear, fy)))
      .get();
    if (done) throw new AppError("conflict", "yearClose.signoff.already");
    tx.insert(yearSignoffs)
      .values({ id, prefectureCode: actor.prefectureCode, officeId: office.id, fiscalYear: fy, note: input.note, signedBy: actor.id, signedAt: new Date().toISOString() })
      .run();
    writeAudit(tx, actor, { action: "create", entityType: "year_signoff", entityId: id, detail: { officeId: office.id, fiscalYear: fy, note: input.note } });
  });
  return { id };
}

function requireLocker(actor: Actor): void {
  if (!can(actor.role, "lock:year:prefecture")) throw notFound();
}

/** Set the year's lock state, with its history row and audit row, in one transaction. */
function setLock(tx: Tx, actor: Actor, fy: number, locked: boolean, detail: Record<string, unknown>, reason: string | null): void {
  const now = new Date().toISOString();
  const current = lockRow(tx, actor.prefectureCode, fy);
  if (current) {
    tx.update(yearLocks)
      .set({ locked, version: current.version + 1, updatedBy: actor.id, updatedAt: now })
      .where(and(eq(yearLocks.prefectureCode, actor.prefectureCode), eq(yearLocks.fiscalYear, fy), eq(yearLocks.version, current.version)))
      .run();
  } else {
    tx.insert(yearLocks).values({ prefectureCode: actor.prefectureCode, fiscalYear: fy, locked, updatedBy: actor.id, updatedAt: now }).run();
  }
  const action: YearLockAction = locked ? "lock" : "unlock";
  tx.insert(yearLockEvents).values({ id: ulid(), prefectureCode: actor.prefectureCode, fiscalYear: fy, action, reason, actedBy: actor.id, actedAt: now }).run();
  writeAudit(tx, actor, { action: "update", entityType: "year_lock", entityId: `${actor.prefectureCode}:${fy}`, detail: { fiscalYear: fy, changes: { locked: [!locked, locked] }, ...detail } });
}

/**
 * Prefecture staff lock a year of their prefecture that has ended. Offices that have not signed
 * off do not stop it (ADR 0025): the page warns, and the audit row names them.
 */
export function lockYear(actor: Actor, input: LockInput): { unsignedOffices: string[] } {
  requireLocker(actor);
  const fy = checkedYear(input.fiscalYear);
  if (!yearHasEnded(fy)) throw new AppError("invalid", "yearClose.lock.notEnded");
  let unsignedOffices: string[] = [];
  getDb().transaction((tx) => {
    if (lockRow(tx, actor.prefectureCode, fy)?.locked) throw new AppError("conflict", "yearClose.lock.already");
    unsignedOffices = tx
      .select({ id: healthCenters.id })
      .from(healthCenters)
      .leftJoin(yearSignoffs, and(eq(yearSignoffs.officeId, healthCenters.id), eq(yearSignoffs.fiscalYear, fy)))
      .where(and(eq(healthCenters.prefectureCode, actor.prefectureCode), sql`${yearSignoffs.id} IS NULL`))
      .orderBy(asc(healthCenters.sort))
      .all()
      .map((o) => o.id);
    setLock(tx, actor, fy, true, { unsignedOffices }, null);
  });
  return { unsignedOffices };
}

/** Prefecture staff unlock a locked year with a reason; its restatements stay. */
export function unlockYear(actor: Actor, input: UnlockInput): void {
  requireLocker(actor);
  const fy = checkedYear(input.fiscalYear);
  const reason = input.reason.trim();
  if (!reason) throw new AppError("invalid", "yearClose.validation.unlockReason", { reason: "yearClose.validation.unlockReason" });
  getDb().transaction((tx) => {
    if (!lockRow(tx, actor.prefectureCode, fy)?.locked) throw new AppError("conflict", "yearClose.unlock.notLocked");
    setLock(tx, actor, fy, false, { reason }, reason);
  });
}

// ---------------------------------------------------------------------------------------
// The guard

export type GuardedChange = {
  entityType: AuditEntityType;
  entityId: string;
  /** The office that owns the record; null for the prefecture's own. */
  officeId: string | null;
  action: RestatementAction;
  /** The dates that place the record in fiscal years (old and new values on an update). */
  dates: (string | null | undefined)[];
  /** `{ field: [before, after] }`; kept as the restatement's record of what changed. */
  changes: Record<string, unknown>;
  reason?: string | null;
};

/**
 * If any of `dates` (ISO, null ignored) lies in a locked fiscal year of the actor's prefecture:
 * without a reason → AppError("invalid", "yearClose.guard.reasonRequired", { restatementReason:
 * "yearClose.guard.reasonField" }), thrown inside the caller's transaction, so nothing is
 * written; with one → a restatement row (and its audit row) per locked year. Call it inside the
 * write's transaction, after its version check and before anything else is written.
 */
export function guardLockedYears(tx: Tx, actor: Actor, change: GuardedChange): void {
  const years = fiscalYearsOf(change.dates);
  if (years.length === 0) return;
  const locked = tx
    .select({ fy: yearLocks.fiscalYear })
    .from(yearLocks)
    .where(and(eq(yearLocks.prefectureCode, actor.prefectureCode), eq(yearLocks.locked, true), inArray(yearLocks.fiscalYear, years)))
    .orderBy(asc(yearLocks.fiscalYear))
    .all()
    .map((r) => r.fy);
  if (locked.length === 0) return;
  const reason = change.reason?.trim();
  if (!reason) throw new AppError("invalid", "yearClose.guard.reasonRequired", { restatementReason: "yearClose.guard.reasonField" });
  if (reason.length > REASON_MAX) throw new AppError("invalid", "validation.failed", { restatementReason: "validation.textTooLong" });
  const now = new Date().toISOString();
  for (const fy of locked) {
    const id = ulid();
    tx.insert(restatements)
      .values({
        id,
        prefectureCode: actor.prefectureCode,
        officeId: change.officeId,
        fiscalYear: fy,
        entityType: change.entityType,
        entityId: change.entityId,
        action: change.action,
        changes: JSON.stringify(change.changes),
        reason,
        createdBy: actor.id,
        createdAt: now,
      })
      .run();
    writeAudit(tx, actor, {
      action: "create",
      entityType: "restatement",
      entityId: id,
      detail: { fiscalYear: fy, entityType: change.entityType, entityId: change.entityId, action: change.action, fields: Object.keys(change.changes), reason },
    });
  }
}

// ---------------------------------------------------------------------------------------
// Restatements as lists show them

export type RestatementRow = {
  id: string;
  fiscalYear: number;
  entityType: string;
  action: RestatementAction;
  /** The owning office's name; null for the prefecture's own records. */
  officeName: string | null;
  /** The fields the change touched (names, never values). */
  fields: string[];
  reason: string;
  /** The role of whoever made it (never their name: the sheet is read outside the office). */
  actorRole: Role | null;
  at: string;
};

/** Prefecture staff: the whole prefecture's; office staff: the offices they reach. */
function restatementScope(actor: Actor, fy: number): SQL {
  const own = and(eq(restatements.prefectureCode, actor.prefectureCode), eq(restatements.fiscalYear, fy))!;
  return can(actor.role, "lock:year:prefecture") ? own : and(own, inReach(actor, restatements.officeId))!;
}

function restatementRows(where: SQL): RestatementRow[] {
  return getDb()
    .select({
      id: restatements.id,
      fiscalYear: restatements.fiscalYear,
      entityType: restatements.entityType,
      action: restatements.action,
      officeName: healthCenters.name,
      changes: restatements.changes,
      reason: restatements.reason,
      actorRole: users.role,
      at: restatements.createdAt,
    })
    .from(restatements)
    .leftJoin(healthCenters, eq(healthCenters.id, restatements.officeId))
    .leftJoin(users, eq(users.id, restatements.createdBy))
    .where(where)
    .orderBy(desc(restatements.createdAt), desc(restatements.id))
    .all()
    .map(({ changes, ...r }) => ({ ...r, fields: Object.keys(JSON.parse(changes) as Record<string, unknown>) }));
}

/** The year's restatements the actor may see, newest first. */
export function listRestatementsForActor(actor: Actor, fiscalYear: number): RestatementRow[] {
  requireCloseReader(actor);
  return restatementRows(restatementScope(actor, checkedYear(fiscalYear)));
}

/** A prefecture's restatements of a year, for its 自治体情報シート: the caller has checked the sheet's access. */
export function restatementsForSheet(prefectureCode: string, fiscalYear: number): RestatementRow[] {
  return restatementRows(and(eq(restatements.prefectureCode, prefectureCode), eq(restatements.fiscalYear, fiscalYear))!);
}

// ---------------------------------------------------------------------------------------
// Restatements as people read them (the year-close page, the sheet and its files)

export type RestatementView = {
  id: string;
  /** 会議, 研修, 地域移行支援ケース …: the record type, never the record's number or contents. */
  record: string;
  action: string;
  /** The owning office, or the prefecture for its own records. */
  office: string;
  /** The changed fields by their form labels. */
  fields: string[];
  reason: string;
  /** The role of whoever made the change. */
  by: string;
  at: string;
  /** The indicator codes whose figures the change may have moved (lib/domain/indicators/restated-figures.ts). */
  codes: readonly string[];
};

/** Restatements in the reader's language: labels for codes, the form's label for each field. */
export function restatementViews(rows: readonly RestatementRow[], locale: Locale): RestatementView[] {
  const t = makeTranslate(catalogs[locale]);
  const labelIn = (prefix: string | undefined, field: string): string | null => {
    if (!prefix) return null;
    const key = `${prefix}.${field}`;
    const label = t(key as MessageKey);
    return label === key ? null : label;
  };
  const fieldLabel = (entityType: string, field: string) => labelIn(RESTATED_FIELD_LABELS[entityType as AuditEntityType], field) ?? labelIn(RESTATED_FIELD_FALLBACK, field) ?? field;
  return rows.map((r) => ({
    id: r.id,
    record: AUDIT_ENTITY_LABELS[r.entityType as AuditEntityType]?.[locale] ?? r.entityType,
    action: RESTATEMENT_ACTION_LABELS[r.action][locale],
    office: r.officeName ?? t("yearClose.restatements.prefecture"),
    fields: r.fields.map((f) => fieldLabel(r.entityType, f)),
    reason: r.reason,
    by: r.actorRole ? ROLE_LABELS[r.actorRole][locale] : "",
    at: r.at,
    codes: figuresRestatedBy(r.entityType),
  }));
}
