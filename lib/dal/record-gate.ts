import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { getDb, type Tx } from "@/db/client";
import { cases, outreachCases, peerDispatches, peerSupporters } from "@/db/schema";
import { can, type Permission } from "@/lib/auth/permissions";
import type { AuditAction, AuditEntityType } from "@/lib/domain/codes";
import type { Actor } from "./actor";
import { auditView, diffFields, writeAudit } from "./audit";
import { auditTrailOf, type AuditTrailOptions, type AuditTrailPage } from "./audit-trail";
import { AppError } from "./errors";
import type { Restating } from "./record-corrections";
import { actorParams, placeholderActor, preparedFor } from "./prepared";
import { inReach } from "./scope";
import { guardLockedYears } from "./year-close";

/*
 * The one gate of every office-owned record that names a person (ADR 0026): discharge-support
 * cases, outreach cases, peer supporters and their dispatches. A record type is a
 * configuration (its table, the column naming the owning office, its audit entity type, its
 * read and write permissions); the gate gives every type the same load-in-reach (the role must
 * hold the permission and the row's office be in the actor's reach, checked in SQL; anything
 * else is the not_found a missing id gets), the same versioned touch and the same audit rows.
 *
 * Adding a record type: a schema with `id`, `office_id`, `version`, `updated_by`, `updated_at`,
 * one entry below, and DAL functions that start from `gate.load` / `gate.require`.
 */

/** The tables behind a gate: each has id, office_id, version and the update stamps. */
export type GatedTable = typeof cases | typeof outreachCases | typeof peerSupporters | typeof peerDispatches;

export type GateSpec<T extends GatedTable> = {
  table: T;
  /** The column naming the office that owns a row: "in reach" is checked against it. */
  officeColumn: AnySQLiteColumn;
  entityType: AuditEntityType;
  read: Permission;
  write: Permission;
  /**
   * The dates that place a change in fiscal years, for the year-end lock (ADR 0025), read from
   * the row's values (called with the stored row and with the new values) and the names of the
   * fields the change touches. A dispatch is dated as a whole; a case spans years, so only the
   * dates a change moves count, and a closed case's end (its record is that year's history).
   */
  yearDates: (values: Partial<T["$inferSelect"]>, changed: readonly string[], side: "before" | "after") => (string | null | undefined)[];
  /**
   * A row that takes no writes while it is in this state (a closed case, ADR 0029): `load` with
   * any need but reading refuses it with `error`, except for the one permission that lifts the
   * state (`unless`, e.g. reopening). Every write starts from `load`, so this is the one check.
   */
  readOnly?: { when: (row: T["$inferSelect"]) => boolean; unless: Permission; error: () => AppError };
};

/** Which of the record type's permissions a call needs, or one of the role's other tools (reassign, audit). */
export type GateNeed = "read" | "write" | Permission;

export type Gate<T extends GatedTable> = {
  readonly spec: GateSpec<T>;
  /** The role holds the permission (a page hides a button with this; the server refuses with `require`). */
  allows(actor: Pick<Actor, "role">, need?: GateNeed): boolean;
  /** Refuse a role without the permission, exactly like a missing record. */
  require(actor: Pick<Actor, "role">, need?: GateNeed): void;
  /** WHERE condition: rows whose office the actor reaches (for lists and counts). */
  inReach(actor: Pick<Actor, "id" | "role" | "prefectureCode">): SQL;
  /** One row in reach, or not_found. */
  load(actor: Actor, id: string, need?: GateNeed): T["$inferSelect"];
  /**
   * Change the row only if it is still at `expectedVersion` (null: whatever version it has),
   * bumping the version and the update stamps, so a form open elsewhere learns it moved on.
   * Zero rows changed means someone saved first: `options.conflict` (default: the generic
   * conflict). `options.where` adds a condition the row must still meet (a withdrawn peer is final).
   * The lock's guard runs on the dates the change moves (`spec.yearDates`, plus `options.dates`,
   * e.g. a phase change's date) with `options.restatementReason`.
   */
  touch(
    tx: Tx,
    actor: Actor,
    row: T["$inferSelect"],
    expectedVersion: number | null,
    changes?: Partial<T["$inferInsert"]>,
    options?: { conflict?: () => AppError; where?: SQL; dates?: (string | null | undefined)[] } & Restating,
  ): void;
  /**
   * The year-end lock's guard for a write about the record that is not a touch (a logged record
   * added to it, the record created): in a locked year only with a reason, kept as a restatement.
   */
  guard(tx: Tx, actor: Actor, row: { id: string; officeId: string }, action: "create" | "update" | "delete", dates: (string | null | undefined)[], changes: Record<string, unknown>, restating: Restating): void;
  /** An audit row naming the record, so its 閲覧・変更履歴 panel finds every row about it. */
  audit(tx: Tx, actor: Actor, id: string, action: AuditAction, detail: Record<string, unknown>): void;
  /** The record's names were shown (its page): audited like a write, in a transaction of its own. */
  viewed(actor: Actor, id: string, detail: Record<string, unknown>): void;
  /** Who viewed or changed the record (閲覧・変更履歴): supervisors only, the record in reach. */
  trail(actor: Actor, id: string, options?: AuditTrailOptions): AuditTrailPage;
};

const notFound = () => new AppError("not_found", "errors.notFound");

/** A need that changes the record (anything but reading it, its names or its history). */
const isWrite = (need: GateNeed = "read") => need !== "read" && !need.startsWith("read:");

// drizzle's builders do not take a union of tables; every gated table has the same id, office,
// version and stamp columns, so one of them stands for the type.
const asTable = (table: GatedTable) => table as typeof peerDispatches;

export function defineGate<T extends GatedTable>(spec: GateSpec<T>): Gate<T> {
  const permissionOf = (need: GateNeed = "read"): Permission => (need === "read" ? spec.read : need === "write" ? spec.write : need);
  const allows = (actor: Pick<Actor, "role">, need?: GateNeed) => can(actor.role, permissionOf(need));
  const require = (actor: Pick<Actor, "role">, need?: GateNeed) => {
    if (!allows(actor, need)) throw notFound();
  };
  const gate: Gate<T> = {
    spec,
    allows,
    require,
    inReach: (actor) => inReach(actor, spec.officeColumn),
    load(actor, id, need) {
      require(actor, need);
      // Every record page and every write starts here: built and prepared once per role (ADR 0057).
      const row = preparedFor(getDb(), `gate.load.${spec.entityType}.${actor.role}`, (db) => {
        const t = asTable(spec.table);
        return db
          .select()
          .from(t)
          .where(and(eq(t.id, sql.placeholder("id")), inReach(placeholderActor(actor.role), spec.officeColumn)))
          .prepare();
      }).get({ id, ...actorParams(actor) });
      if (!row) throw notFound();
      const frozen = spec.readOnly;
      if (frozen && isWrite(need) && need !== frozen.unless && frozen.when(row as T["$inferSelect"])) throw frozen.error();
      return row as T["$inferSelect"];
    },
    touch(tx, actor, row, expectedVersion, changes = {}, options = {}) {
      const t = asTable(spec.table);
      const where = and(eq(t.id, row.id), expectedVersion === null ? undefined : eq(t.version, expectedVersion), options.where);
      const result = tx
        .update(t)
        .set({ ...(changes as Partial<typeof peerDispatches.$inferInsert>), version: row.version + 1, updatedBy: actor.id, updatedAt: new Date().toISOString() })
        .where(where)
        .run();
      if (result.changes === 0) throw options.conflict ? options.conflict() : new AppError("conflict", "errors.conflict");
      const before = row as Partial<T["$inferSelect"]> & Record<string, unknown>;
      const moved = diffFields(before as Record<string, unknown>, changes as Record<string, unknown>);
      const changed = Object.keys(moved);
      const after = { ...before, ...(changes as Partial<T["$inferSelect"]>) };
      const dates = [...spec.yearDates(before, changed, "before"), ...spec.yearDates(after, changed, "after"), ...(options.dates ?? [])];
      gate.guard(tx, actor, row as { id: string; officeId: string }, "update", dates, moved, options);
    },
    guard(tx, actor, row, action, dates, changes, restating) {
      guardLockedYears(tx, actor, { entityType: spec.entityType, entityId: row.id, officeId: row.officeId, action, dates, changes, reason: restating.restatementReason });
    },
    audit(tx, actor, id, action, detail) {
      writeAudit(tx, actor, { action, entityType: spec.entityType, entityId: id, detail });
    },
    viewed(actor, id, detail) {
      auditView(actor, { entityType: spec.entityType, entityId: id, detail });
    },
    trail(actor, id, options = {}) {
      const row = gate.load(actor, id, "read:audit:reach");
      // A person's corrections show their values only to a role that may read identities (ADR 0028).
      return auditTrailOf(spec.entityType, row.id, actor.prefectureCode, options, { identity: can(actor.role, "read:identity:reach") });
    },
  };
  return gate;
}

// ---------------------------------------------------------------------------------------
// The record types

/**
 * A record that spans years (a case, an outreach case): the dates among `fields` that the change
 * moves, and the end date of a closed record when anything a figure counts changes (it is that
 * year's history). `uncounted` fields (who leads the case, a planned date) change no figure.
 */
function spanningDates<R extends { endDate: string | null }>(fields: readonly (keyof R & string)[], uncounted: readonly (keyof R & string)[]) {
  return (values: Partial<R>, changed: readonly string[]) => {
    const counted = changed.filter((f) => !(uncounted as readonly string[]).includes(f));
    return [...fields.filter((f) => counted.includes(f)).map((f) => values[f] as string | null | undefined), ...(counted.length > 0 ? [values.endDate] : [])];
  };
}

/** 地域移行支援のケース: owned by the office that holds it. Names need read:identity:reach on top. */
export const caseGate = defineGate({
  table: cases,
  officeColumn: cases.officeId,
  entityType: "case",
  read: "read:case:reach",
  write: "write:case:reach",
  yearDates: spanningDates<typeof cases.$inferSelect>(["referralDate", "supportStartDate", "indexAdmissionDate", "consentDate", "dischargeDate", "endDate"], ["coordinatorUserId", "plannedDischargeDate"]),
  // A closed case is read-only, for itself and everything recorded in it, until a supervisor reopens it.
  readOnly: { when: (row) => row.phase === "closed", unless: "reopen:case:reach", error: () => new AppError("invalid", "errors.caseClosed") },
});

/** アウトリーチのケース: owned by the referring office. */
export const outreachGate = defineGate({
  table: outreachCases,
  officeColumn: outreachCases.officeId,
  entityType: "outreach_case",
  read: "read:outreach:reach",
  write: "write:outreach:reach",
  yearDates: spanningDates<typeof outreachCases.$inferSelect>(["referralDate", "selectionConferenceDate", "startDate", "endDate"], ["coordinatorUserId", "teamName"]),
});

/** ピアサポーター: owned by the office that registered them. */
export const peerGate = defineGate({
  table: peerSupporters,
  officeColumn: peerSupporters.officeId,
  entityType: "peer",
  read: "read:peer:reach",
  write: "write:peer:reach",
  // A registration counts in its fiscal year, moved from or to; a status change from the day it
  // is recorded (today), so the day of the previous change restates nothing.
  yearDates: (values, changed, side) => [
    ...(changed.includes("registeredOn") ? [values.registeredOn] : []),
    ...(changed.includes("statusChangedOn") && side === "after" ? [values.statusChangedOn] : []),
  ],
});

/** ピアサポーターの派遣: owned by the office that arranges it. */
export const dispatchGate = defineGate({
  table: peerDispatches,
  officeColumn: peerDispatches.officeId,
  entityType: "peer_dispatch",
  read: "read:dispatch:reach",
  write: "write:dispatch:reach",
  // A dispatch counts in the year of its date, whatever is corrected.
  yearDates: (values) => [values.date],
});

export type CaseRow = typeof cases.$inferSelect;
export type OutreachCaseRow = typeof outreachCases.$inferSelect;

export const RECORD_GATES = { case: caseGate, outreach_case: outreachGate, peer: peerGate, peer_dispatch: dispatchGate } as const;
